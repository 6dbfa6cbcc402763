<?php
/**
 * Deleting the plugin deletes its two settings; pages keep their shortcodes
 * and blocks (they show nothing until the plugin is back).
 *
 * @package Bondgenoot
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'bondgenoot_server' );
delete_option( 'bondgenoot_org' );
