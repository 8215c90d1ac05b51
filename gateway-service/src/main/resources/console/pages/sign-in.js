// Verify mode: the console signs every call with the user's access key (SigV4 in the browser).
import { saveCredentials, settings } from '../api.js';
import { h, field } from '../ui.js';

export function signInPage(page) {
  const accessKeyId = h('input', { id: 'access-key-id', autocomplete: 'username', required: true });
  const secretAccessKey = h('input', { id: 'secret-access-key', type: 'password', autocomplete: 'current-password', required: true });
  const region = h('input', { id: 'region', value: settings.region, required: true });
  page.append(h('h1', {}, 'Sign in'),
    h('p', {}, 'The gateway verifies signatures (verify mode): the console signs each call with your access key. ',
      'The secret stays in this tab (sessionStorage) and is never sent, only signatures made with it.'),
    h('form', {
      class: 'card',
      onsubmit: (event) => {
        event.preventDefault();
        saveCredentials({ accessKeyId: accessKeyId.value.trim(), secretAccessKey: secretAccessKey.value, region: region.value.trim() });
        location.hash = '#/';
      },
    }, field('Access key ID', accessKeyId), field('Secret access key', secretAccessKey), field('Region', region),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in')));
}
