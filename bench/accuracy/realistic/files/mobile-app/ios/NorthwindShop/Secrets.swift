import Foundation

enum Secrets {
    static let algoliaAppID = "K7QX2ZP4LM"
    static let algoliaSearchKey = "c3a1f9e87b2d4c6a0e5f1b3d7a9c2e4f"
    static let revenueCatKey = "appl_{{gen:b62-27:revcat}}"
    static let keychainService = "de.northwind.shop.token"
}
