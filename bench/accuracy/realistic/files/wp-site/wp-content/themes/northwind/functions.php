<?php
add_action( 'wp_enqueue_scripts', function () {
	wp_enqueue_style( 'northwind', get_stylesheet_uri(), array(), '2.1.0' );
	wp_enqueue_script( 'northwind-maps', 'https://maps.googleapis.com/maps/api/js?key={{gen:google-api-key:wp-maps}}&callback=initMap', array(), null, true );
} );

add_filter( 'the_password_form', function ( $output ) {
	return str_replace( __( 'Password:' ), __( 'Passwort:', 'northwind' ), $output );
} );

function northwind_instagram_feed() {
	$token = get_transient( 'nw_ig_token' );
	if ( ! $token ) {
		$token = 'IGQVJYd0xSQ2lVa2RfX3h0WUp4RzJqM3FpNFJtZAkdOZAEZA5T2Y3aDJZAN2dRVnBvZAWxhSWRfb3pKUjVvZAEtkbEdrMjNvS3hPQ3pRZA';
		set_transient( 'nw_ig_token', $token, DAY_IN_SECONDS );
	}
	$response = wp_remote_get( 'https://graph.instagram.com/me/media?fields=id,media_url&access_token=' . $token );
	return json_decode( wp_remote_retrieve_body( $response ), true );
}
