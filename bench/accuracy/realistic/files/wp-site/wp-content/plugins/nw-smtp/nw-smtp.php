<?php
/**
 * Plugin Name: Northwind SMTP
 * Description: Sends WordPress mail through the company relay.
 * Version: 1.3.0
 * Text Domain: nw-smtp
 */

defined( 'ABSPATH' ) || exit;

const NW_SMTP_HOST = 'mail.northwind-goods.de';
const NW_SMTP_USER = 'wordpress@northwind-goods.de';
const NW_SMTP_PASS = 'Wp-Ma1l-Relay!';

add_action( 'phpmailer_init', function ( $phpmailer ) {
	$phpmailer->isSMTP();
	$phpmailer->Host       = NW_SMTP_HOST;
	$phpmailer->SMTPAuth   = true;
	$phpmailer->Username   = NW_SMTP_USER;
	$phpmailer->Password   = get_option( 'nw_smtp_password', NW_SMTP_PASS );
	$phpmailer->SMTPSecure = 'tls';
	$phpmailer->Port       = 587;
} );

add_action( 'admin_init', function () {
	register_setting( 'nw_smtp', 'nw_smtp_password', array( 'type' => 'string', 'sanitize_callback' => 'sanitize_text_field' ) );
	add_settings_field( 'nw_smtp_password', __( 'SMTP password', 'nw-smtp' ), 'nw_smtp_password_field', 'general' );
} );

function nw_smtp_password_field() {
	printf( '<input type="password" name="nw_smtp_password" value="%s" autocomplete="new-password" />', esc_attr( get_option( 'nw_smtp_password' ) ) );
}
