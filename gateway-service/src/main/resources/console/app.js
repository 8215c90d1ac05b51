// The console's entry point: hash routes to pages.
//   #/                        tables
//   #/create                  create a table
//   #/metrics                 every table's metrics
//   #/tables/NAME[/TAB]       a table: overview, items, query, item, stream, metrics
//   #/sign-in                 access keys (verify mode)
import { loadSettings, settings, credentials, forgetCredentials } from './api.js';
import { h, errorBox } from './ui.js';
import { tablesPage } from './pages/tables.js';
import { createTablePage } from './pages/create-table.js';
import { tablePage } from './pages/table.js';
import { signInPage } from './pages/sign-in.js';
import { metricsPage } from './pages/metrics.js';

const page = document.getElementById('page');
let leaving = () => {};

async function show() {
  leaving(); // e.g. closes a live stream
  leaving = () => {};
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [section, name, tab] = parts;
  renderSignedIn();
  page.replaceChildren();
  try {
    if (!credentials() && section !== 'sign-in') {
      location.hash = '#/sign-in';
      return;
    }
    if (section === 'create') await createTablePage(page);
    else if (section === 'sign-in') await signInPage(page);
    else if (section === 'metrics') leaving = metricsPage(page);
    else if (section === 'tables' && name) leaving = (await tablePage(page, name, tab ?? 'overview', parts.slice(3))) ?? leaving;
    else await tablesPage(page);
  } catch (error) {
    page.append(errorBox(error));
  }
}

function renderSignedIn() {
  const where = document.getElementById('signed-in');
  if (settings.authMode === 'open') {
    where.replaceChildren(h('span', { class: 'mode' }, `open mode · ${settings.region}`));
  } else {
    const keys = credentials();
    where.replaceChildren(keys
      ? h('span', {}, `${keys.accessKeyId} · ${keys.region} `,
        h('button', { class: 'link', onclick: () => { forgetCredentials(); location.hash = '#/sign-in'; } }, 'Sign out'))
      : h('span', {}, 'verify mode: not signed in'));
  }
}

window.addEventListener('hashchange', show);
loadSettings().catch((error) => page.replaceChildren(errorBox(error))).then(show);
