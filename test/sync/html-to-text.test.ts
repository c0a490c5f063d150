import { describe, expect, it } from 'vitest';
import { countPageRoutes } from '../../generator/sync/check-fetched.ts';
import { decodeEntities, htmlToText } from '../../generator/sync/html-to-text.ts';
import { displayUrl } from '../../generator/load/fetch-document.ts';
import { specKind } from '../../generator/sync/spec-source.ts';

describe('htmlToText', () => {
  it('turns a HostBill API page into the text the importer reads', () => {
    const html = `<!doctype html><html><head><title>API</title><style>p{color:red}</style></head><body>
<a href="#"><span>NAV</span></a><div class="toc"><div>BRAINOZA OU</div></div>
<div class="lang-selector"><a href="#">bash</a> <a href="#">php</a>
<a>python</a></div>
<div class="content"><h1 id="introduction">Introduction</h1>
<p>Our   HTTP <a>REST API</a> allows &amp; you&nbsp;to manage.</p>
<h2>Basic Authentication</h2>
<pre class="highlight shell"><code><span># pass the header</span>
curl 'https://my.example.com/api/details' \\
    -u "username:password"
</code></pre><pre><code>use GuzzleHttp\\Client;</code></pre>
<h2>Get balance</h2>
<p><code>GET /balance</code></p>
<table><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td>id</td><td>int</td><td><p>Service ID</p></td></tr></tbody></table>
<script>var html = "<p>GET /hidden</p>";</script><!-- <p>POST /commented</p> -->
<p>a<br>b</p>
</div></body></html>`;
    expect(htmlToText(html)).toBe(
      [
        'NAV',
        'BRAINOZA OU',
        'bash php python',
        '',
        'Introduction',
        '',
        'Our HTTP REST API allows & you to manage.',
        '',
        'Basic Authentication',
        '',
        '# pass the header',
        "curl 'https://my.example.com/api/details' \\",
        '    -u "username:password"',
        'use GuzzleHttp\\Client;',
        '',
        'Get balance',
        '',
        'GET /balance',
        '',
        'Parameter Type Description',
        'id int',
        '',
        'Service ID',
        '',
        'a',
        'b',
        '',
      ].join('\n'),
    );
  });

  it('keeps preformatted whitespace, collapses the rest, and keeps at most one blank line', () => {
    expect(htmlToText('<pre>\n  a  b\n\n\n\n  c</pre>  x \n\t y  <div></div><div></div><p></p><p>z</p>')).toBe('  a  b\n\n  c\nx y\n\nz\n');
  });

  it('drops head, scripts, styles, svg and comments, and reads quoted ">" inside attributes', () => {
    expect(htmlToText('<head><title>T</title></head><svg><text>S</text></svg><p title="a > b" data-x=\'<p>\'>ok</p><noscript>N</noscript><!-- c -->')).toBe('ok\n');
  });

  it('tolerates unclosed tags, stray "<" and an empty page', () => {
    expect(htmlToText('<ul><li>one<li>two</ul>1 < 2 <b>bold')).toBe('one\ntwo\n1 < 2 bold\n');
    expect(htmlToText('')).toBe('\n');
  });

  it('decodes numeric and common named character references and leaves unknown ones', () => {
    expect(decodeEntities('&#65;&#x42;&lt;&gt;&quot;&apos;&hellip;&unknown;&amp')).toBe('AB<>"\'…&unknown;&');
  });

  it('counts route lines', () => {
    expect(countPageRoutes('GET /a\nPOST /service/@id\nnot GET /b\nDELETE /x/y\n')).toBe(3);
  });
});

describe('spec source', () => {
  it('tells the API page from the Swagger export', () => {
    expect(specKind('https://my.example.com/userapi')).toBe('page');
    expect(specKind('https://my.example.com/userapi/')).toBe('page');
    expect(specKind('https://billing.example.com/?cmd=userapi&action=swagger')).toBe('document');
    expect(specKind('https://example.com/api/swagger.json')).toBe('document');
  });

  it('keeps credentials out of the URLs it shows', () => {
    const shown = displayUrl('https://user:hunter2@example.com/?cmd=userapi&action=swagger&token=abc');
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('abc');
    expect(shown).toContain('action=swagger');
  });
});
