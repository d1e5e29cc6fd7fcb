/**
 * Integration API keys (state admins, `keys.manage`): list, create for the state or for some
 * counties (the secret is shown once, on the answer to the POST; only its hash is stored),
 * revoke. Creation and revocation are audited as `key.created` / `key.revoked`.
 */
import { AppError } from '../../errors.ts';
import { html } from '../../web/html.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.ts';
import { audit } from '../audit.ts';
import { seeOther, type ConsolePage, type ConsolePageContext, type ConsolePageModule } from './frame.ts';
import { buttonForm, choices, errorFor, errorSummary, field, fieldList, postForm, textInput, type FieldError } from './forms.ts';
import { countiesInScope, when } from './view.ts';

const BASE = '/console/keys';
const KEY_ID = /^key_[0-9a-f]{16}$/;

export const keysPages: ConsolePageModule = (pages) => {
  const { rt } = pages;
  pages.nav({ id: 'keys', href: BASE, label: 'API keys', description: 'Keys of the integrations (voter database, print vendor, USPS): create, revoke.', anyOf: ['keys.manage'], order: 70 });

  const listPage = async (ctx: ConsolePageContext, values: { name: string; scope: string; counties: readonly string[] }, errors: readonly FieldError[]): Promise<ConsolePage> => {
    const keys = await listApiKeys(rt.db.pool);
    return {
      title: 'Integration API keys',
      nav: 'keys',
      hasErrors: errors.length > 0,
      status: errors.length > 0 ? 400 : 200,
      main: html`${errorSummary(ctx, errors)}
<table class="usa-table usa-table--borderless bl-console-table">
<caption>${keys.length} key${keys.length === 1 ? '' : 's'}</caption>
<thead><tr><th scope="col">Key</th><th scope="col">Name</th><th scope="col">Counties</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
<tbody>
${keys.map((k) => html`<tr><th scope="row">${k.id}</th><td>${k.name}</td><td>${k.scope === 'state' ? 'all (state key)' : k.countyCodes.join(', ')}</td><td>${when(ctx, k.createdAt)}</td><td>${k.lastUsedAt ? when(ctx, k.lastUsedAt) : 'never'}</td>
<td>${k.revokedAt ? `revoked ${when(ctx, k.revokedAt)}` : buttonForm(ctx, { action: `${BASE}/${k.id}/revoke`, label: `Revoke ${k.id}`, danger: true })}</td></tr>
`)}</tbody>
</table>
<h2>Create a key</h2>
${postForm(ctx, {
    action: BASE,
    submitLabel: 'Create key',
    body: html`${textInput(ctx, { id: 'name', label: 'Who or what uses it', hint: 'e.g. "VoteCal nightly feed" or "Print vendor, county 19"', value: values.name, error: errorFor(errors, 'name') })}
${choices(ctx, { id: 'scope', name: 'scope', type: 'radio', legend: 'Reach', error: errorFor(errors, 'scope'), options: [
    { value: 'county', label: 'Some counties', hint: 'Choose them below', checked: values.scope !== 'state' },
    { value: 'state', label: 'The whole state', hint: 'Every county (the state voter database)', checked: values.scope === 'state' },
  ] })}
${choices(ctx, { id: 'counties', name: 'counties', type: 'checkbox', legend: 'Counties', error: errorFor(errors, 'counties'), optionsClass: 'bl-console-cards',
    options: countiesInScope(ctx).map((c) => ({ value: c.code, label: `${c.name} (${c.code})`, checked: values.counties.includes(c.code) })) })}`,
  })}`,
    };
  };

  pages.get(BASE, { anyOf: ['keys.manage'] }, async (ctx) => listPage(ctx, { name: '', scope: 'county', counties: [] }, []));

  pages.post(BASE, { anyOf: ['keys.manage'] }, async (ctx, req) => {
    const values = { name: field(req.body, 'name', 200), scope: field(req.body, 'scope', 10), counties: fieldList(req.body, 'counties') };
    const errors: FieldError[] = [];
    if (!values.name) errors.push({ field: 'name', message: 'Say who or what uses the key' });
    if (values.scope !== 'state' && values.scope !== 'county') errors.push({ field: 'scope', message: 'Choose the reach of the key' });
    else if (values.scope === 'county' && values.counties.length === 0) errors.push({ field: 'counties', message: 'Choose at least one county' });
    if (errors.length > 0) return listPage(ctx, values, errors);
    let created: Awaited<ReturnType<typeof createApiKey>>;
    try {
      created = await rt.db.tx(async (client) => {
        const r = await createApiKey(client, { name: values.name, scope: values.scope as 'state' | 'county', countyCodes: values.counties, createdBy: ctx.staff.email });
        await audit(client, { actor: ctx.staff, action: 'key.created', countyCodes: r.key.countyCodes, details: { keyId: r.key.id, name: r.key.name, scope: r.key.scope } });
        return r;
      });
    } catch (e) {
      if (e instanceof AppError && (e.code === 'unknown_county' || e.code === 'key_needs_county')) return listPage(ctx, values, [{ field: 'counties', message: e.message }]);
      throw e;
    }
    return {
      title: 'Key created',
      nav: 'keys',
      breadcrumbs: [[BASE, 'Integration API keys']],
      main: html`<div class="usa-alert usa-alert--warning" role="status"><div class="usa-alert__body"><p class="usa-alert__text">The key is shown <strong>only now</strong>: copy it into the integration's configuration. Only its hash is kept.</p></div></div>
<p>Key for <strong>${created.key.name}</strong> (${created.key.scope === 'state' ? 'every county' : `counties ${created.key.countyCodes.join(', ')}`}):</p>
<p class="bl-console-secret" id="api-key">${created.token}</p>
<p>Send it as the <code>x-api-key</code> header, or as HTTP Basic with user <code>${created.key.id}</code> and the part after the dot as password.</p>
<p><a href="${BASE}">All keys</a></p>`,
    };
  });

  pages.post(`${BASE}/:id/revoke`, { anyOf: ['keys.manage'] }, async (ctx, req, reply) => {
    const id = req.params.id ?? '';
    if (!KEY_ID.test(id)) throw new AppError(404, 'not_found', 'No such key');
    const revoked = await rt.db.tx(async (client) => {
      if (!(await revokeApiKey(client, id))) return false;
      await audit(client, { actor: ctx.staff, action: 'key.revoked', details: { keyId: id } });
      return true;
    });
    if (!revoked) throw new AppError(404, 'not_found', 'No such active key');
    return seeOther(reply, ctx, BASE, `Key ${id} is revoked: it stops working at once.`);
  });
};
