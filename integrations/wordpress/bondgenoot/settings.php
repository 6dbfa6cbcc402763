<?php
/**
 * Settings → Bondgenoot: the server's address and the organisation's name.
 *
 * @package Bondgenoot
 */

defined( 'ABSPATH' ) || exit;

add_action( 'admin_init', 'bondgenoot_settings_init' );
add_action( 'admin_menu', 'bondgenoot_settings_menu' );

/**
 * The server's address without a trailing slash, e.g.
 * https://widgets.example.nl; '' until it is set.
 *
 * @return string
 */
function bondgenoot_server() {
	return (string) get_option( 'bondgenoot_server', '' );
}

/**
 * The organisation's name on the server; `demo` until it is set, as embed.js.
 *
 * @return string
 */
function bondgenoot_org() {
	$org = (string) get_option( 'bondgenoot_org', '' );
	return '' !== $org ? $org : 'demo';
}

/**
 * An organisation's name as the server takes it (lowercase letters, digits
 * and hyphens), or ''.
 *
 * @param string $org As given.
 * @return string
 */
function bondgenoot_valid_org( $org ) {
	$org = strtolower( trim( $org ) );
	return preg_match( '/^[a-z0-9][a-z0-9-]{0,63}$/', $org ) ? $org : '';
}

/** The page under Settings. */
function bondgenoot_settings_menu() {
	add_options_page( 'Bondgenoot', 'Bondgenoot', 'manage_options', 'bondgenoot', 'bondgenoot_settings_page' );
}

/** The two settings, each checked before it is saved. */
function bondgenoot_settings_init() {
	register_setting(
		'bondgenoot',
		'bondgenoot_server',
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'bondgenoot_sanitize_server',
		)
	);
	register_setting(
		'bondgenoot',
		'bondgenoot_org',
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'bondgenoot_sanitize_org',
		)
	);
	add_settings_section( 'bondgenoot_main', '', '__return_null', 'bondgenoot' );
	add_settings_field( 'bondgenoot_server', __( 'Bondgenoot server', 'bondgenoot' ), 'bondgenoot_field_server', 'bondgenoot', 'bondgenoot_main', array( 'label_for' => 'bondgenoot_server' ) );
	add_settings_field( 'bondgenoot_org', __( 'Organisation', 'bondgenoot' ), 'bondgenoot_field_org', 'bondgenoot', 'bondgenoot_main', array( 'label_for' => 'bondgenoot_org' ) );
}

/**
 * The server's address: http or https, a host, perhaps a path. What people
 * paste from the embed tag (…/v1/embed.js) is cut back to the address. A
 * wrong value is not saved: the old one stays, with a message.
 *
 * @param mixed $value As typed.
 * @return string
 */
function bondgenoot_sanitize_server( $value ) {
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return '';
	}
	$value = preg_replace( '#/(v1/(embed\.js)?)?$#', '', $value );
	$url   = esc_url_raw( $value, array( 'http', 'https' ) );
	if ( '' === $url || ! preg_match( '#^https?://[^/?\#\s]+(/[^?\#\s]*)?$#', $url ) || ! wp_parse_url( $url, PHP_URL_HOST ) ) {
		add_settings_error( 'bondgenoot_server', 'bondgenoot_server', __( 'The server was not saved: give its address, such as https://widgets.example.nl.', 'bondgenoot' ) );
		return bondgenoot_server();
	}
	if ( is_ssl() && 0 === strpos( $url, 'http://' ) ) {
		add_settings_error( 'bondgenoot_server', 'bondgenoot_server_http', __( 'Saved, but this site uses https and the server http: browsers will not load the widgets. Use the server\'s https address.', 'bondgenoot' ), 'warning' );
	}
	return untrailingslashit( $url );
}

/**
 * The organisation's name. A wrong value is not saved: the old one stays,
 * with a message.
 *
 * @param mixed $value As typed.
 * @return string
 */
function bondgenoot_sanitize_org( $value ) {
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return '';
	}
	$org = bondgenoot_valid_org( $value );
	if ( '' === $org ) {
		add_settings_error( 'bondgenoot_org', 'bondgenoot_org', __( 'The organisation was not saved: its name on the Bondgenoot server has only lowercase letters, digits and hyphens.', 'bondgenoot' ) );
		return (string) get_option( 'bondgenoot_org', '' );
	}
	return $org;
}

/** The server's field. */
function bondgenoot_field_server() {
	printf(
		'<input type="url" class="regular-text code" id="bondgenoot_server" name="bondgenoot_server" value="%s" placeholder="https://widgets.example.nl" aria-describedby="bondgenoot_server_help"><p class="description" id="bondgenoot_server_help">%s</p>',
		esc_attr( bondgenoot_server() ),
		esc_html__( 'Where the widgets come from: the address in the src of the embed tag, without /v1/embed.js.', 'bondgenoot' )
	);
}

/** The organisation's field. */
function bondgenoot_field_org() {
	printf(
		'<input type="text" class="regular-text code" id="bondgenoot_org" name="bondgenoot_org" value="%s" placeholder="demo" aria-describedby="bondgenoot_org_help"><p class="description" id="bondgenoot_org_help">%s</p>',
		esc_attr( (string) get_option( 'bondgenoot_org', '' ) ),
		esc_html__( 'Your organisation\'s name on that server (data-org in the embed tag). A shortcode may name another with org="…".', 'bondgenoot' )
	);
}

/** The page: the form, and how to put a widget on a page. */
function bondgenoot_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Bondgenoot', 'bondgenoot' ) . '</h1>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'bondgenoot' );
	do_settings_sections( 'bondgenoot' );
	submit_button();
	echo '</form>';
	echo '<h2>' . esc_html__( 'Putting a widget on a page', 'bondgenoot' ) . '</h2>';
	echo '<p>' . esc_html__( 'In the block editor, add the block "Bondgenoot widget" and pick the widget, language, café and colour at the side. Or write a shortcode, in any editor:', 'bondgenoot' ) . '</p>';
	echo '<p><code>[bondgenoot widget="netwerkscan" lang="nl"]</code><br><code>[bondgenoot widget="vacaturecafe" cafe="12"]</code><br><code>[bondgenoot widget="alliantiescan" lang="en" color="#2d6a4f"]</code></p>';
	echo '<p>' . esc_html__( 'Every role that may write posts can use both; nobody has to paste a script tag. If your site sets a Content-Security-Policy, add the server to its script-src, style-src and connect-src, and \'wasm-unsafe-eval\' to script-src.', 'bondgenoot' ) . '</p></div>';
}
