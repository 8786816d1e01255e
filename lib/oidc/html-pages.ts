import { escapeHtml } from "@/lib/escape-html";

/**
 * The few pages the provider itself renders (the device code form, the sign-out
 * confirmation, an error): plain HTML in the app's colours, no script, so they hold under
 * the pages' Content-Security-Policy. Every value shown is escaped.
 */
export function providerPage({ title, body }: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} · Usermanager</title>
  <style>
    body { font-family: system-ui, sans-serif; background: #f4f4f5; color: #18181b; display: grid; place-items: center; min-height: 100vh; margin: 0; }
    main { background: #fff; border: 1px solid #e4e4e7; border-radius: 12px; padding: 2rem; max-width: 26rem; width: calc(100% - 2rem); }
    h1 { font-size: 1.5rem; margin: 0 0 1rem; }
    p { line-height: 1.5; }
    label { display: block; font-weight: 500; margin: 1rem 0 .25rem; }
    input[type=text] { width: 100%; box-sizing: border-box; font-size: 1.25rem; letter-spacing: .1em; padding: .5rem; border: 1px solid #a1a1aa; border-radius: 6px; }
    button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #4f46e5; background: #4f46e5; color: #fff; cursor: pointer; margin: 1rem .5rem 0 0; }
    button.secondary { background: #fff; color: #18181b; border-color: #a1a1aa; }
    .error { color: #b91c1c; }
    code { font-size: 1.25rem; letter-spacing: .1em; }
    @media (prefers-color-scheme: dark) { body { background: #09090b; color: #f4f4f5; } main { background: #18181b; border-color: #27272a; } input[type=text] { background: #09090b; color: #f4f4f5; } button.secondary { background: #18181b; color: #f4f4f5; } .error { color: #f87171; } }
  </style>
</head>
<body><main>${body}</main></body>
</html>`;
}
