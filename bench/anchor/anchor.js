// The anchor pages' only script: plain DOM calls, no framework. It renders
// what the app renders on first load of Home and Find a partner, from the
// JSON in #anchor-data (printed by crates/domain/examples/anchor_data.rs),
// and answers the same inputs the benchmark probes: the persona select
// (both pages) and the Keywords box (Find a partner).
//
// For first loads (bench/product.mjs) the anchor holds only the rows it
// shows, not the directory; for typing (bench/directory.mjs) it holds every
// partner. A keystroke filters the rows it holds with String.includes and
// renders those a virtual list shows. It is the floor of what showing these
// pages costs, not a second implementation of the app.

const data = JSON.parse(document.getElementById('anchor-data').textContent);
const page = document.body.dataset.page;

const INITIALS = {
  'global-admin': 'GA', 'billing-admin': 'BA', 'helpdesk-admin': 'HA', user: 'U', 'partner-aobo': 'PA',
};
const group = (n) => n.toLocaleString('en-US');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

// The header: demo date and persona.
document.querySelector('[data-testid="demo-date"]').textContent = data.date;
const select = document.getElementById('persona-select');
const avatar = document.querySelector('.persona__avatar');
const personaName = document.querySelector('[data-testid="signed-in-persona"]');
for (const p of data.personas) {
  const option = el('option', { value: p.id }, p.label);
  option.selected = p.id === data.defaultPersona;
  select.append(option);
}
function showPersona(id) {
  avatar.textContent = INITIALS[id] ?? '';
  personaName.textContent = data.personas.find((p) => p.id === id)?.label ?? '';
}
showPersona(data.defaultPersona);
select.addEventListener('change', () => showPersona(select.value));

// The navigation entry of this page.
const here = page === 'home' ? 'home.html' : 'find.html';
for (const a of document.querySelectorAll('.app-nav__link')) {
  if (a.getAttribute('href').endsWith(here)) a.setAttribute('aria-current', 'page');
}

if (page === 'home') {
  const h = data.home;
  const cards = [
    [h.partners, 'Partners', 'count-partners'],
    [h.pendingInvitations, 'Pending invitations', 'count-invitations'],
    [h.expiringWithin30Days, 'Relationships expiring within 30 days', 'count-expiring'],
    [h.agreementsToSign, 'Customer agreements to sign', 'count-unsigned'],
    [h.partnersWithLegacyRoles, 'Partners with legacy admin roles', 'count-legacy'],
  ];
  const list = document.getElementById('home-cards');
  for (const [count, label, testid] of cards) {
    list.append(el('li', { class: 'home-card' },
      el('a', { class: 'home-card__link', href: '/settings/partner-relationships', 'data-testid': testid },
        el('span', { class: 'home-card__count' }, String(count)),
        el('span', { class: 'home-card__label' }, label))));
  }
}

if (page === 'find') {
  const f = data.find;
  const ROW_HEIGHT = 200; // src/pages/find_partner/mod.rs ROW_HEIGHT
  const withCount = (v) => `${v.label} (${group(v.count)})`;
  const country = document.getElementById('filter-country');
  for (const v of f.country.values) country.append(el('option', { value: v.slug }, withCount(v)));
  const city = document.getElementById('filter-city');
  for (const v of f.city.values) city.append(el('option', { value: v.slug }, withCount(v)));
  const form = document.getElementById('filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  f.facets.forEach((facet, i) => {
    const details = el('details', { class: 'facet' },
      el('summary', { class: 'facet__summary' }, facet.title, el('span', { class: 'facet__chosen' })));
    details.open = i < 2; // Size and Industry, as the app
    const fieldset = el('fieldset', { class: 'facet__values' }, el('legend', { class: 'visually-hidden' }, facet.title));
    for (const v of facet.values) {
      const id = `facet-${facet.key}-${v.slug}`;
      fieldset.append(el('div', { class: 'facet__value' },
        el('input', { type: 'checkbox', id }),
        el('label', { for: id }, v.label, el('span', { class: 'facet__count' }, ` (${group(v.count)})`))));
    }
    details.append(fieldset);
    form.append(details);
  });
  const sort = document.getElementById('directory-sort');
  for (const s of f.sorts) sort.append(el('option', { value: s.slug }, s.label));

  const count = document.querySelector('[data-testid="result-count"]');
  const spacer = document.getElementById('spacer');
  const rowsList = document.getElementById('rows');

  function row(r, i, total) {
    const line = (...parts) => el('p', { class: 'partner-row__line' }, ...parts);
    const label = (t) => el('span', { class: 'partner-row__label' }, t);
    const li = el('li', { class: 'vlist__row', 'aria-setsize': String(total), 'aria-posinset': String(i + 1) });
    li.style.height = `${ROW_HEIGHT}px`;
    li.append(el('article', { class: 'partner-row', 'data-key': r.key },
      el('div', { class: 'partner-row__select' },
        el('input', { type: 'checkbox', id: `select-${r.key}`, 'aria-label': `Select ${r.name}` })),
      el('div', { class: 'partner-row__body' },
        el('h3', { class: 'partner-row__name' }, r.name),
        el('p', { class: 'partner-row__location' }, r.location),
        el('p', { class: 'partner-row__line partner-row__line--types' }, label('Types '), r.types),
        line(label('Serves '), r.sizes),
        line(label('Industries '), r.industries),
        line(label('Designations '), r.designations)),
      el('div', { class: 'partner-row__actions' },
        el('button', { type: 'button', class: 'button button--subtle' },
          'Details', el('span', { class: 'visually-hidden' }, ` of ${r.name}`)),
        el('a', { class: 'button', href: `/partners/contact?partners=${r.key}` },
          'Contact me', el('span', { class: 'visually-hidden' }, ` (${r.name})`)))));
    return li;
  }

  // As the app: "5,000 partners", or "Showing 12 of 5,000 partners" while
  // a filter is in force.
  function show(rows, found, filtered) {
    count.textContent = filtered
      ? `Showing ${group(found)} of ${group(f.total)} partners`
      : (f.total === 1 ? '1 partner' : `${group(f.total)} partners`);
    spacer.style.height = `${found * ROW_HEIGHT}px`;
    rowsList.replaceChildren(...rows.map((r, i) => row(r, i, found)));
  }

  // The rows the app's virtual list renders at the top of a new result
  // list (src/components/virtual_list.rs): those the window shows, plus 2
  // below. With every partner in the data (bench/directory.mjs's typing
  // run), the page renders only these, as the app does.
  const OVERSCAN = 2;
  const vlist = document.querySelector('.vlist');
  const rowsInView = () => {
    const top = vlist.getBoundingClientRect().top;
    return Math.ceil(Math.max(0, innerHeight - top) / ROW_HEIGHT) + OVERSCAN;
  };
  show(f.rows.length < f.found ? f.rows : f.rows.slice(0, rowsInView()), f.found);
  // A word matches a partner when it begins one of the partner's words, as
  // the app's search answers (the text is normalized, one space between
  // words): " " + word found in " " + text.
  const padded = f.rows.map((r) => ` ${r.text}`);
  const keywords = document.getElementById('filter-keywords');
  // Each keystroke's search time, for bench/directory.mjs.
  window.__anchorSearchMs = [];
  keywords.addEventListener('input', () => {
    const start = performance.now();
    const words = [...new Set(keywords.value.toLowerCase().split(/\s+/).filter(Boolean))].map((w) => ` ${w}`);
    const hits = [];
    for (let i = 0; i < padded.length; i++) {
      if (words.every((w) => padded[i].includes(w))) hits.push(f.rows[i]);
    }
    window.__anchorSearchMs.push(performance.now() - start);
    const found = words.length ? hits.length : f.found;
    show(hits.slice(0, Math.min(found, rowsInView())), found, words.length > 0);
  });
}
