/**
 * What the API reference adds to Swagger UI so that it passes axe-core like every other
 * page (e2e/accessibility.spec.ts), in the theme the reader chose in the app.
 */

/**
 * Swagger UI's own colours put white text on light method badges and light-blue links on
 * white (contrast 2–3.5:1). These replace them with shades of at least 4.5:1, in both of
 * its themes where the colour is shared, and in the light one only where its dark theme
 * already has its own.
 */
export const themeStylesheet = `
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1d4ed8; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #047857; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #b45309; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0f766e; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b91c1c; }
.swagger-ui .opblock.opblock-head .opblock-summary-method,
.swagger-ui .opblock.opblock-options .opblock-summary-method { background: #6d28d9; }
.swagger-ui .opblock.opblock-deprecated .opblock-summary-method,
html.dark-mode body .swagger-ui .opblock.opblock-deprecated .opblock-summary-method { background: #4b5563; color: #fff; }
html .swagger-ui .opblock.opblock-deprecated { opacity: 1; }
.swagger-ui .info .title small { background: #4b5563; }
.swagger-ui .info .title small.version-stamp { background: #3f6212; }
html:not(.dark-mode) .swagger-ui .info a { color: #1d4ed8; }
html:not(.dark-mode) .swagger-ui .btn.authorize,
html:not(.dark-mode) .swagger-ui .btn.authorize svg { border-color: #047857; color: #047857; fill: #047857; }
html:not(.dark-mode) .swagger-ui .json-schema-2020-12-expand-deep-button { color: #505050; }
.swagger-ui .servers-title { display: block; font-size: 12px; font-weight: 700; margin-bottom: 4px; }
html.dark-mode .swagger-ui .servers-title { color: #e4e6e6; }
`;

/**
 * Starts Swagger UI from a file rather than an inline script, so the page runs under a
 * Content-Security-Policy that allows no inline scripts.
 *
 * - The theme: the app keeps the reader's choice in localStorage under `theme` (next-themes,
 *   "system" by default); Swagger UI's dark theme follows the class `dark-mode` on <html>.
 * - No deep links: they put a link inside each operation's toggle button, a control
 *   nested in a control that screen readers cannot reach.
 * - The server list gets a label of its own: Swagger UI wraps its <select> in an empty one.
 */
export const initScript = `(function () {
  var chosen = window.localStorage.getItem("theme");
  var dark = chosen === "dark" || (chosen !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark-mode", dark);

  function LabelledServers(system) {
    return {
      wrapComponents: {
        Servers: function (Original) {
          return function (props) {
            var h = system.React.createElement;
            return h("div", null, h("label", { htmlFor: "servers", className: "servers-title" }, "Server"), h(Original, props));
          };
        },
      },
    };
  }

  SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#reference",
    deepLinking: false,
    withCredentials: true,
    plugins: [LabelledServers],
  });
})();
`;
