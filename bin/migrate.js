#!/usr/bin/env node
// Thin executable shim: the CLI lives in dist/ (built by `npm ci` via the prepare script).
import('../dist/src/cli/module-loading.js')
  .then((loading) => loading.loadModulesWithinDescriptorLimit())
  .then(() => import('../dist/src/cli/main.js'))
  .then((m) => m.main(process.argv))
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli')) {
      console.error('migrate: the CLI is not built yet. Run `npm ci` (or `npm run build`) in the project folder first.');
      process.exit(2);
    }
    throw error;
  });
