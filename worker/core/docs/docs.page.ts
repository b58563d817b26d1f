// The interactive API reference at /docs: Swagger UI, served from our own static assets
// (copied from the swagger-ui-dist package at build time), reading /openapi.json.
export const docsPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Edge CRM API</title>
  <link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css" />
</head>
<body>
  <div id="docs"></div>
  <script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
  <script src="/vendor/swagger-ui/docs-init.js"></script>
</body>
</html>`;
