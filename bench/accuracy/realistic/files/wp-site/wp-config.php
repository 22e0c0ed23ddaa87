<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'nw_wordpress' );

/** Database username */
define( 'DB_USER', 'nw_wp' );

/** Database password */
define( 'DB_PASSWORD', 'Kp7#mW2qZ!xv' );

/** Database hostname */
define( 'DB_HOST', 'localhost' );

/** Database charset to use in creating database tables. */
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define('AUTH_KEY',         'q]7F#z2-Wv+L|8nR@s!Yx0<Jp4%Dk9(Tm6&Hc3)Bg1^Ne5~Ua');
define('SECURE_AUTH_KEY',  'Lx4!Vq9@Rz2#Km7$Tp0%Wn5^Hc8&Jb3*Fd6(Gs1)Ye]Ua[Io');
define('LOGGED_IN_KEY',    'Zt3{Qm8}Xv1|Lk6~Rp0-Wn9+Hc4=Jb7_Fd2<Gs5>Ye.Ua,Io;');
define('NONCE_KEY',        'Bw6:Nq1!Mz8@Tx3#Kv0$Rp5%Lh2^Wc7&Jd4*Fg9(Ys)Ue-Ia+');
define('AUTH_SALT',        'Hc5]Jb0[Fd7{Gs2}Ye9|Ua4~Io1-Qm6+Xv3=Lk8_Rp<Wn>Tz.');
define('SECURE_AUTH_SALT', 'Pv2!Wq7@Xz4#Lm9$Kr1%Tn6^Bc3&Hd8*Jf0(Gs5)Yu]Ea[Oi');
define('LOGGED_IN_SALT',   'Dm9;Fk4:Gq1!Hz6@Jx3#Kv8$Lp0%Nc5^Bw2&Vt7*Rs(Ye)Ua-');
define('NONCE_SALT',       'Tg8+Ys3=Ue0_Ia5<Oq2>Pm7.Zx4,Cv9;Bn1:Mk6!Lj@Hh#Gf$');
/**#@-*/

$table_prefix = 'nw_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'nwftp' );
define( 'FTP_PASS', 'ftp4Northw1nd' );
define( 'FTP_HOST', 'ftp.northwind-goods.de' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
