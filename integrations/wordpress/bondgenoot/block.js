/* The block "Bondgenoot widget" in the editor: the widget itself as the page
 * will show it, and its choices at the side. Plain JS on WordPress's own
 * packages, no build step. The page gets the widget from the server (the
 * block saves no HTML), so what is saved is only the choices. */
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;
	var settings = window.bondgenootSettings || {};

	var WIDGETS = [
		{ value: 'netwerkscan', label: 'Netwerkscan' },
		{ value: 'vacaturecafe', label: 'Vacaturecafé' },
		{ value: 'alliantiescan', label: 'Alliantiescan' },
	];
	var LANGS = [
		{ value: '', label: __( 'The language of the page', 'bondgenoot' ) },
		{ value: 'nl', label: 'Nederlands' },
		{ value: 'en', label: 'English' },
		{ value: 'ar', label: 'العربية' },
		{ value: 'uk', label: 'Українська' },
		{ value: 'tr', label: 'Türkçe' },
	];

	function Controls( props ) {
		var a = props.attributes;
		function set( name ) {
			return function ( value ) {
				var change = {};
				change[ name ] = value || '';
				props.setAttributes( change );
			};
		}
		return el(
			blockEditor.InspectorControls,
			null,
			el(
				components.PanelBody,
				{ title: __( 'Widget', 'bondgenoot' ) },
				el( components.SelectControl, { label: __( 'Widget', 'bondgenoot' ), value: a.widget, options: WIDGETS, onChange: set( 'widget' ) } ),
				el( components.SelectControl, { label: __( 'Language', 'bondgenoot' ), value: a.lang, options: LANGS, onChange: set( 'lang' ) } ),
				a.widget === 'vacaturecafe' &&
					el( components.TextControl, {
						label: __( 'Only this café (its number)', 'bondgenoot' ),
						help: __( 'Empty: all coming cafés.', 'bondgenoot' ),
						type: 'number',
						min: 1,
						value: a.cafe,
						onChange: set( 'cafe' ),
					} ),
				el(
					components.BaseControl,
					{ id: 'bondgenoot-color', label: __( 'Colour', 'bondgenoot' ), help: __( 'Empty: the widget\'s own blue.', 'bondgenoot' ) },
					el( components.ColorPalette, { value: a.color, onChange: set( 'color' ), disableAlpha: true } )
				)
			)
		);
	}

	// The widget as the page shows it: embed.js (loaded in the editor by the
	// plugin) turns the element into the widget. A new element for every
	// change of choice, so the widget starts again with it. Inert: in the
	// editor it is a picture of the widget, and a click selects the block.
	function Preview( props ) {
		var a = props.attributes;
		element.useEffect( function () {
			if ( window.Bondgenoot ) window.Bondgenoot.buildWidgets();
		} );
		if ( ! settings.configured ) {
			return el(
				components.Placeholder,
				{ icon: 'groups', label: __( 'Bondgenoot widget', 'bondgenoot' ) },
				el( 'p', null, __( 'The widget shows here once an administrator has set the Bondgenoot server under Settings → Bondgenoot.', 'bondgenoot' ) ),
				settings.settingsUrl && el( 'a', { href: settings.settingsUrl }, __( 'Go to the settings', 'bondgenoot' ) )
			);
		}
		return el(
			'div',
			{ inert: '', className: 'bondgenoot-preview' },
			el( 'bondgenoot-widget', {
				key: [ a.widget, a.lang, a.cafe, a.color ].join( '|' ),
				'data-widget': a.widget,
				'data-org': settings.org || 'demo',
				'data-lang': a.lang || undefined,
				'data-cafe': a.cafe || undefined,
				'data-color': a.color || undefined,
			} )
		);
	}

	blocks.registerBlockType( 'bondgenoot/widget', {
		edit: function ( props ) {
			return el( 'div', blockEditor.useBlockProps(), el( Controls, props ), el( Preview, props ) );
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n );
