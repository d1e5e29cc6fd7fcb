import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attrs, classes, escapeHtml, html, joinHtml, toHtml, unsafeRaw } from './html.ts';

test('html escapes every interpolated string and number, in content and attributes', () => {
  const evil = `"><script>alert('x')</script>&`;
  assert.equal(html`<p title="${evil}">${evil}</p>`.value,
    '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>');
  assert.equal(html`${42}`.value, '42');
  assert.equal(escapeHtml('a < b & c'), 'a &lt; b &amp; c');
});

test('html nests SafeHtml as is, joins arrays and drops null, undefined and false', () => {
  const item = (s: string) => html`<li>${s}</li>`;
  assert.equal(html`<ul>${['a', '<b>'].map(item)}</ul>`.value, '<ul><li>a</li><li>&lt;b&gt;</li></ul>');
  assert.equal(html`${null}${undefined}${false}${''}x`.value, 'x');
  assert.equal(html`${unsafeRaw('<hr>')}`.value, '<hr>');
  assert.equal(toHtml('<i>').value, '&lt;i&gt;');
  assert.equal(joinHtml(['a', html`<b>b</b>`], ', ').value, 'a, <b>b</b>');
  assert.equal(String(html`<p></p>`), '<p></p>');
});

test('attrs writes quoted, escaped values and bare booleans; classes skips falsy parts', () => {
  assert.equal(attrs({ id: 'x', value: 'a"b', required: true, disabled: false, hint: undefined, n: 3 }).value, ' id="x" value="a&quot;b" required n="3"');
  assert.equal(classes('usa-input', false, null, 'usa-input--error'), 'usa-input usa-input--error');
});
