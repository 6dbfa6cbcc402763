<?php
/**
 * Plugin Name:       Bondgenoot
 * Description:       Puts the Bondgenoot widgets (Netwerkscan, Vacaturecafé, Alliantiescan) on a page with a block or a shortcode. Nobody has to paste a script tag, so every role that may write posts can use them.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Bondgenoot
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       bondgenoot
 *
 * @package Bondgenoot
 */

defined( 'ABSPATH' ) || exit;

const BONDGENOOT_VERSION = '1.0.0';
const BONDGENOOT_WIDGETS = array( 'netwerkscan', 'vacaturecafe', 'alliantiescan' );
const BONDGENOOT_LANGS   = array( 'nl', 'en', 'ar', 'uk', 'tr' );

require_once __DIR__ . '/settings.php';

add_action( 'init', 'bondgenoot_register' );
add_action( 'enqueue_block_editor_assets', 'bondgenoot_editor_assets' );
add_filter( 'script_loader_tag', 'bondgenoot_async', 10, 2 );

/**
 * The loader, the block and the shortcode. The loader is a registered
 * script: however many widgets a page has, WordPress prints it once, in the
 * footer, and only on pages that have a widget.
 */
function bondgenoot_register() {
	$server = bondgenoot_server();
	if ( '' !== $server ) {
		// No version query: the server decides how long embed.js is kept.
		wp_register_script( 'bondgenoot-embed', $server . '/v1/embed.js', array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
	}
	wp_register_script(
		'bondgenoot-block',
		plugins_url( 'block.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		BONDGENOOT_VERSION,
		true
	);
	register_block_type( __DIR__, array( 'render_callback' => 'bondgenoot_render_block' ) );
	add_shortcode( 'bondgenoot', 'bondgenoot_shortcode' );
}

/**
 * In the block editor: the loader (the block shows the real widget while
 * editing) and what the block needs to know of the settings.
 */
function bondgenoot_editor_assets() {
	if ( wp_script_is( 'bondgenoot-embed', 'registered' ) ) {
		wp_enqueue_script( 'bondgenoot-embed' );
	}
	wp_localize_script(
		'bondgenoot-block',
		'bondgenootSettings',
		array(
			'org'         => bondgenoot_org(),
			'configured'  => '' !== bondgenoot_server(),
			'settingsUrl' => current_user_can( 'manage_options' ) ? admin_url( 'options-general.php?page=bondgenoot' ) : '',
		)
	);
}

/**
 * Loads the loader without holding up the page (it finds the widgets itself
 * when the page is ready).
 *
 * @param string $tag    The script tag WordPress prints.
 * @param string $handle Its handle.
 * @return string
 */
function bondgenoot_async( $tag, $handle ) {
	if ( 'bondgenoot-embed' !== $handle || false !== strpos( $tag, ' async' ) ) {
		return $tag;
	}
	return str_replace( ' src=', ' async src=', $tag );
}

/**
 * `[bondgenoot widget="netwerkscan" lang="nl"]`; also cafe, color, radius,
 * org and fallback.
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function bondgenoot_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'widget'   => '',
			'lang'     => '',
			'cafe'     => '',
			'color'    => '',
			'radius'   => '',
			'org'      => '',
			'fallback' => '',
		),
		$atts,
		'bondgenoot'
	);
	return bondgenoot_widget_html( $atts );
}

/**
 * The block, rendered on the server like the shortcode (it saves no HTML,
 * so a later version of the plugin changes every page that has it).
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function bondgenoot_render_block( $attributes ) {
	return bondgenoot_widget_html( is_array( $attributes ) ? $attributes : array() );
}

/**
 * The element embed.js turns into a widget, with only the attributes that
 * are valid (a wrong one is left out, so the widget's default applies), each
 * escaped. The loader is enqueued with it.
 *
 * @param array $atts widget, lang, cafe, color, radius, org, fallback.
 * @return string
 */
function bondgenoot_widget_html( $atts ) {
	$widget = strtolower( trim( (string) ( $atts['widget'] ?? '' ) ) );
	if ( '' === $widget ) {
		$widget = 'netwerkscan';
	}
	if ( ! in_array( $widget, BONDGENOOT_WIDGETS, true ) ) {
		return bondgenoot_notice(
			/* translators: %s: what was given as the widget. */
			sprintf( __( 'Bondgenoot: "%s" is not a widget. Use netwerkscan, vacaturecafe or alliantiescan.', 'bondgenoot' ), $widget )
		);
	}
	if ( ! wp_script_is( 'bondgenoot-embed', 'registered' ) ) {
		return bondgenoot_notice( __( 'Bondgenoot: the widget cannot show yet. An administrator sets the Bondgenoot server under Settings → Bondgenoot.', 'bondgenoot' ) );
	}
	wp_enqueue_script( 'bondgenoot-embed' );

	$org   = bondgenoot_valid_org( (string) ( $atts['org'] ?? '' ) );
	$attrs = array(
		'data-widget'        => $widget,
		'data-org'           => '' !== $org ? $org : bondgenoot_org(),
		'data-lang'          => bondgenoot_valid_lang( (string) ( $atts['lang'] ?? '' ) ),
		'data-cafe'          => ctype_digit( (string) ( $atts['cafe'] ?? '' ) ) ? (string) $atts['cafe'] : '',
		'data-color'         => (string) sanitize_hex_color( (string) ( $atts['color'] ?? '' ) ),
		'data-radius'        => preg_match( '/^\d{1,3}(\.\d{1,2})?(px|rem|em|%)$/', (string) ( $atts['radius'] ?? '' ) ) ? (string) $atts['radius'] : '',
		'data-fallback-href' => esc_url_raw( (string) ( $atts['fallback'] ?? '' ), array( 'http', 'https' ) ),
	);
	$html = '<bondgenoot-widget';
	foreach ( $attrs as $name => $value ) {
		if ( '' !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	$html .= '>';
	// Shown where scripts do not run; the widget hides it when it starts.
	if ( '' !== $attrs['data-fallback-href'] ) {
		$html .= '<a href="' . esc_url( $attrs['data-fallback-href'] ) . '">' . esc_html( bondgenoot_title( $widget ) ) . '</a>';
	}
	return $html . '</bondgenoot-widget>';
}

/**
 * A widget's name, for the fallback link.
 *
 * @param string $widget One of BONDGENOOT_WIDGETS.
 * @return string
 */
function bondgenoot_title( $widget ) {
	$titles = array(
		'netwerkscan'   => 'Netwerkscan',
		'vacaturecafe'  => 'Vacaturecafé',
		'alliantiescan' => 'Alliantiescan',
	);
	return $titles[ $widget ];
}

/**
 * A language the widgets have (a region such as tr-TR is kept), or ''.
 *
 * @param string $lang As given.
 * @return string
 */
function bondgenoot_valid_lang( $lang ) {
	$lang = trim( $lang );
	if ( ! preg_match( '/^([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]{2,8})?$/', $lang, $m ) ) {
		return '';
	}
	return in_array( strtolower( $m[1] ), BONDGENOOT_LANGS, true ) ? $lang : '';
}

/**
 * A message where a widget cannot show: for people who can edit the page,
 * since a visitor can do nothing about it; nothing for visitors.
 *
 * @param string $text The message.
 * @return string
 */
function bondgenoot_notice( $text ) {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	return '<p class="bondgenoot-notice" role="note">' . esc_html( $text ) . '</p>';
}
