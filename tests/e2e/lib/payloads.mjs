// A corpus of script-injection payloads for the xss tests. Every payload
// that could run calls a detectable sink — `__xss(N)` (installed by
// `installSinks`) or `alert(N)` (caught as a 'dialog' event) — where N is
// its index, so a failure names the payload that ran.
//
// Sources of the shapes: the OWASP XSS filter evasion cheat sheet, the
// HTML5 security cheat sheet (mXSS, srcdoc, ontoggle) and plain bad input
// (very long strings, control characters, bidi overrides, combining marks).

const NUL = '\u0000';

/** Templates: `X` becomes `__xss(N)` and `(N)` becomes `(index)`. */
const TEMPLATES = [
  // Script tags, plain and disguised.
  ['script tag', '<script>X</script>'],
  ['script tag, mixed case', '<ScRiPt>X</sCrIpT>'],
  ['script tag with a data: src', '<script src="data:text/javascript,X"></script>'],
  ['attribute breakout, double quote', '"><script>X</script>'],
  ["attribute breakout, single quote", "'><script>X</script>"],
  ['closes title', '</title><script>X</script>'],
  ['closes textarea', '</textarea><script>X</script>'],
  ['closes script', '</script><script>X</script>'],
  ['nested to survive one strip', '<scr<script>ipt>X</scr</script>ipt>'],
  ['script in svg', '<svg><script>X</script></svg>'],
  ['script in template', '<template><script>X</script></template>'],
  // Event-handler attributes.
  ['img onerror', '<img src=x onerror=X>'],
  ['img onerror, quoted', '<img src="x" onerror="X">'],
  ['img onerror, mixed case', '<IMG SRC=x OnErRoR=X>'],
  ['img onerror via eval', "<img src=x onerror=eval('X')>"],
  ['svg onload', '<svg onload=X>'],
  ['svg/onload without a space', '<svg/onload=X>'],
  ['body onload', '<body onload=X>'],
  ['details ontoggle', '<details open ontoggle=X>'],
  ['input autofocus onfocus', '<input autofocus onfocus=X>'],
  ['video source onerror', '<video><source onerror=X></video>'],
  ['audio onerror', '<audio src=x onerror=X>'],
  ['marquee onstart', '<marquee onstart=X>m</marquee>'],
  ['attribute breakout into a handler', '" autofocus onfocus="X" x="'],
  ['single-quoted attribute breakout', "' onmouseover='X' x='"],
  ['mXSS through math/style', '<math><mtext><table><mglyph><style><img src=x onerror=X>'],
  ['mXSS through a comment', '<!--<img src="--><img src=x onerror=X//">'],
  ['mXSS through noscript', '<noscript><p title="</noscript><img src=x onerror=X>">'],
  // javascript: and data: URLs.
  ['javascript: URL', 'javascript:X'],
  ['javascript: URL, mixed case', 'JaVaScRiPt:X'],
  ['javascript: URL, leading space', ' javascript:X'],
  ['javascript: URL with a tab', 'java\tscript:X'],
  ['javascript: URL, entity colon', 'javascript&colon;X'],
  ['javascript: URL, entity j', '&#106;avascript:X'],
  ['link to javascript:', '<a href="javascript:X">click me</a>'],
  ['svg xlink:href', '<svg><a xlink:href="javascript:X"><text x=20 y=20>go</text></a></svg>'],
  ['form button formaction', '<form><button formaction=javascript:X>go</button></form>'],
  ['data: URL with html', 'data:text/html,<script>X</script>'],
  ['data: URL, base64', (x) => `data:text/html;base64,${Buffer.from(`<script>${x}</script>`).toString('base64')}`],
  ['object data:', '<object data="data:text/html,<script>X</script>"></object>'],
  ['embed javascript:', '<embed src="javascript:X">'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.X</script>"></iframe>'],
  ['iframe javascript: src', '<iframe src="javascript:parent.X"></iframe>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:X">'],
  ['base href', '<base href="javascript:X//">'],
  ['css url()', '<div style="background:url(javascript:X)">css</div>'],
  ['style @import', "<style>@import 'javascript:X';</style>"],
  // Entity and encoding tricks: must show as typed, never decoded.
  ['HTML entities', '&lt;script&gt;X&lt;/script&gt;'],
  ['decimal entities', '&#60;script&#62;X&#60;/script&#62;'],
  ['hex entities', '&#x3C;img src=x onerror=X&#x3E;'],
  ['percent-encoded', '%3Cscript%3EX%3C%2Fscript%3E'],
  ['double percent-encoded', '%253Cscript%253EX%253C%252Fscript%253E'],
  ['JS unicode escapes', '\\u003cscript\\u003eX\\u003c/script\\u003e'],
  ['JS hex escapes', '\\x3cimg src=x onerror=X\\x3e'],
  ['fullwidth brackets', '＜script＞X＜/script＞'],
  ['null byte in the tag', `<scr${NUL}ipt>X</script>`],
  ['null byte in the handler', `<img src=x on${NUL}error=X>`],
  ['leading null byte', `${NUL}<script>X</script>`],
  // Template-literal and template-engine tricks.
  ['template literal', '${X}'],
  ['backtick template literal', '`${X}`'],
  ['Angular-style expression', "{{constructor.constructor('X')()}}"],
  ['ERB / JSP', '<%= X %>#{X}'],
  ['string breakout', "';X;//"],
  ['string breakout, double', '";X;//'],
  ['escaped string breakout', '\\";X;//'],
  // The alert sink.
  ['alert in a script tag', '<script>alert(N)</script>'],
  ['alert in img onerror', '<img src=x onerror=alert(N)>'],
  ['alert in a javascript: URL', 'javascript:alert(N)'],
  // Bidi, zero-width, emoji, combining marks.
  ['right-to-left override', '\u202Egnp.exe <script>X</script>'],
  ['RLO/PDF isolates', '\u2067abc\u2069 \u202Bxyz\u202C'],
  ['zero-width joiners', '\u200B\u200D\uFEFF<img src=x onerror=X>'],
  ['emoji and ZWJ sequences', '👩‍👩‍👧‍👦 🏳️‍🌈 🇩🇪 <svg onload=X>'],
  ['combining marks', 'Z̴̡̛͔̱͇a̷̢͉l̸̨̛g̵̝o̶̰ ̶̣t̷̥e̴x̵t̴'],
  ['mixed scripts', 'Ωmega Ünïcödé 中文 العربية עברית'],
  // Very long input.
  ['10,000 characters then a script', (x) => `${'A'.repeat(10000)}<script>${x}</script>`],
  ['12,000 characters of tags', () => '<b>'.repeat(4000)],
];

/**
 * The corpus: `{ id, name, text }`, `id` being N. A template that is a
 * function gets the sink call as its argument.
 */
export const PAYLOADS = TEMPLATES.map(([name, template], id) => {
  const sink = `__xss(${id})`;
  const text = typeof template === 'function'
    ? template(sink)
    : template.replaceAll('X', sink).replaceAll('(N)', `(${id})`);
  return { id, name, text };
});

/** Payloads short enough (and free of control characters) for name fields. */
export function fitting(max, { controls = false } = {}) {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f]/;
  return PAYLOADS.filter((p) => [...p.text.trim()].length <= max && (controls || !control.test(p.text)));
}

/**
 * Installs the sinks on every page of `context`: `__xss(N)` records N, and
 * any alert/confirm/prompt is recorded and dismissed. Returns the record.
 */
export async function installSinks(context) {
  const hits = [];
  await context.exposeBinding('__xss', (_source, n) => {
    hits.push(`__xss(${n})`);
  });
  context.on('page', (page) => watchDialogs(page, hits));
  for (const page of context.pages()) watchDialogs(page, hits);
  return hits;
}

function watchDialogs(page, hits) {
  page.on('dialog', async (dialog) => {
    hits.push(`${dialog.type()}(${dialog.message()})`);
    await dialog.dismiss().catch(() => {});
  });
}

/**
 * Elements and attributes the app never renders itself: if one appears,
 * some text was parsed as markup, whether or not it managed to run.
 * Returns a description of each, empty when the DOM is clean.
 */
export async function injectedMarkup(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'object', 'embed', 'base', 'marquee', 'math', 'template', 'audio', 'video'].includes(tag)) {
        found.push(`<${tag}>`);
      }
      if (tag === 'script' && !el.src && el.type !== 'module' && !el.closest('head')) found.push('<script> in body');
      if (tag === 'meta' && el.httpEquiv?.toLowerCase() === 'refresh') found.push('<meta refresh>');
      if (tag === 'img' && !el.closest('head')) found.push('<img>');
      if (tag === 'svg' && el.closest('main') && el.querySelector('script, a')) found.push('<svg> with script/link');
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${tag}[${name}]`);
        if (name === 'srcdoc' || name === 'formaction') found.push(`${tag}[${name}]`);
        if (['href', 'src', 'action', 'data', 'xlink:href'].includes(name)
          && (value.startsWith('javascript:') || value.startsWith('data:') || value.startsWith('vbscript:'))) {
          found.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
        }
      }
    }
    return found;
  });
}
