import 'package:flutter_secure_storage/flutter_secure_storage.dart';
import 'package:http/http.dart' as http;

class AuthRepository {
  AuthRepository(this._storage);

  final FlutterSecureStorage _storage;
  static const _tokenKey = 'access_token';

  Future<String?> get token => _storage.read(key: _tokenKey);

  Future<void> login(String email, String password) async {
    final res = await http.post(Uri.parse('https://api.northwind-goods.de/v1/auth/login'),
        body: {'email': email, 'password': password});
    if (res.statusCode != 200) throw Exception('login failed');
    await _storage.write(key: _tokenKey, value: res.body);
  }

  Future<void> logout() => _storage.delete(key: _tokenKey);
}
