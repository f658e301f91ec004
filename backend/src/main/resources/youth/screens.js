// The screens of the youth web app. Every word comes from the API: the app's own words (/v1/app-texts), the
// flow, the glossary, the help numbers and the case answers, all in the chosen language.

import { api, ApiError, newIdempotencyKey } from './api.js';
import { el, icon, saveFile, withTerms, when } from './ui.js';
import * as complaint from './complaint.js';

const FINISHED = ['resolved', 'closed', 'withdrawn'];
const POLL_MS = 5000;
let poller = null;

function stopPolling() {
  if (poller) {
    clearInterval(poller);
    poller = null;
  }
}
complaint.onLeaveCase(stopPolling);

function heading(text) {
  return el('h1', { text });
}

function button(text, onclick, cls) {
  return el('button', { type: 'button', class: cls, onclick }, text);
}

function problemText(app, error) {
  if (error instanceof ApiError && error.problem && error.problem.detail) {
    return error.problem.detail;
  }
  return app.t('error.generic');
}

// ---------- language and start ----------

export function languages(app) {
  stopPolling();
  const list = el('ul', { class: 'choices' }, app.state.languages.map(l => el('li', {},
    el('button', {
      type: 'button', class: 'choice', lang: l.tag, dir: l.direction, 'data-id': l.tag,
      'aria-pressed': String(l.tag === app.state.language),
      onclick: () => app.chooseLanguage(l.tag),
    }, el('strong', { text: l.name })))));
  app.show(heading(app.t('language.title')), list);
}

export function start(app) {
  stopPolling();
  const flow = app.state.flow;
  const kinds = el('ul', { class: 'choices' }, flow.kinds.map(kind => el('li', {},
    el('button', {
      type: 'button', class: 'choice kind-' + kind.id, 'data-id': kind.id,
      onclick: () => (kind.urgent ? help(app, kind) : begin(app, kind)),
    }, icon(kind.icon), el('span', {}, el('strong', { text: kind.title }), el('small', { text: kind.description }))))));
  app.show(
    heading(app.t('start.title')),
    el('p', {}, withTerms(app.t('start.intro'), app.state.glossary, app.t)),
    el('p', { text: app.t('start.stop') }),
    app.reviewNote(app.state.flow),
    kinds,
    el('div', { class: 'stack' },
      button(app.t('start.myCases'), () => cases(app)),
      button(app.t('start.claim'), () => claim(app)),
      button(app.t('start.device'), () => device(app)),
      button(app.t('language.change'), () => languages(app))));
}

export function resumeDraft(app) {
  const step = app.state.draft.path.length > 0 ? app.state.draft.path[app.state.draft.path.length - 1] : null;
  if (step) {
    showStep(app, step);
  } else {
    start(app);
  }
}

// ---------- help numbers ----------

export function helpList(app) {
  const contacts = (app.state.help && app.state.help.contacts) || [];
  return el('ul', { class: 'help-list' }, contacts.map(c => el('li', { class: c.urgent ? 'urgent' : undefined },
    el('a', { class: 'call button' + (c.urgent ? ' primary' : ''), href: 'tel:' + c.phone.replace(/[^0-9+]/g, '') },
      icon('phone'), app.t('help.call', c.name + ' ' + c.phone)),
    el('p', { text: c.description }),
    el('p', { class: 'hint', text: c.available + (c.free ? ' · ' + app.t('help.free') : '') }))));
}

export function help(app, kind) {
  stopPolling();
  app.show(
    heading(app.t('help.title')),
    el('p', { class: 'error', text: app.t('help.intro') }),
    helpList(app),
    app.state.help && app.state.help.note ? el('p', { class: 'hint', text: app.state.help.note }) : null,
    app.reviewNote(app.state.help),
    el('div', { class: 'row' },
      button(app.t('help.back'), () => start(app)),
      kind ? button(app.t('help.continue'), () => begin(app, kind), 'primary') : null));
}

export function offline(app) {
  const contacts = (app.state.help && app.state.help.contacts) || [{ phone: '112', urgent: true, name: '112' }];
  app.view.replaceChildren(el('ul', { class: 'help-list' }, contacts.map(c => el('li', {},
    el('a', { class: 'call button primary', href: 'tel:' + c.phone.replace(/[^0-9+]/g, '') }, c.phone)))));
}

// ---------- the intake, one question a screen ----------

function stepById(app, id) {
  return app.state.flow.steps.find(s => s.id === id);
}

function begin(app, kind) {
  app.newDraft(kind.id);
  app.state.draft.path = [kind.firstStep];
  showStep(app, kind.firstStep);
}

/** The step after this one: an option may lead elsewhere (a worrying answer leads to the safety question). */
function nextOf(app, step) {
  const q = step.question;
  if (q && q.type === 'choice' && q.options) {
    const chosen = q.options.find(o => o.id === valueOf(app, q));
    if (chosen && chosen.next) {
      return chosen.next;
    }
  }
  return step.next;
}

function valueOf(app, q) {
  const d = app.state.draft;
  switch (q.target) {
    case 'answers': return d.answers[q.id];
    case 'story': return d.story;
    case 'setting': return d.setting;
    case 'region': return d.region;
    case 'ageBand': return d.ageBand;
    case 'contactPreference': return d.contactPreference;
    case 'about': return d.about;
    case 'contact': return d.contact;
    default: return undefined;
  }
}

function setValue(app, q, value) {
  const d = app.state.draft;
  if (q.target === 'answers') {
    if (value === null || value === '') {
      delete d.answers[q.id];
    } else {
      d.answers[q.id] = value;
    }
  } else {
    d[q.target] = value === '' ? null : value;
  }
  app.saveDraft();
}

function goNext(app, step) {
  const next = nextOf(app, step);
  app.state.draft.path.push(next);
  app.saveDraft();
  showStep(app, next);
}

function goBack(app) {
  const path = app.state.draft.path;
  path.pop();
  app.saveDraft();
  if (path.length === 0) {
    start(app);
  } else {
    showStep(app, path[path.length - 1]);
  }
}

export async function showStep(app, stepId) {
  stopPolling();
  const step = stepById(app, stepId);
  if (!step) {
    start(app);
    return;
  }
  if (step.type === 'summary') {
    summary(app);
    return;
  }
  const q = step.question;
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const body = await questionBody(app, q, () => goNext(app, step));
  const next = button(app.t('nav.next'), () => {
    if (q.required && !hasValue(valueOf(app, q))) {
      error.textContent = app.t('step.required');
      error.hidden = false;
      return;
    }
    goNext(app, step);
  }, 'primary');
  const count = app.state.draft.path.length;
  app.show(
    el('p', { class: 'progress', text: app.t('step.progress', count, count + remaining(app, step)) }),
    el('h1', {}, withTerms(step.title, app.state.glossary, app.t)),
    step.help ? el('p', { class: 'hint' }, withTerms(step.help, app.state.glossary, app.t)) : null,
    q.required ? null : el('p', { class: 'hint', text: app.t('step.optional') }),
    body,
    error,
    el('div', { class: 'row' }, button(app.t('nav.back'), () => goBack(app)), next));
}

function hasValue(value) {
  if (value === null || value === undefined || value === '') {
    return false;
  }
  if (typeof value === 'object') {
    return Object.values(value).some(v => v !== null && v !== '');
  }
  return true;
}

/** How many more questions follow on the current path (for "question 3 of 9"). */
function remaining(app, step) {
  let n = 0;
  let id = nextOf(app, step);
  const seen = new Set();
  while (id && !seen.has(id)) {
    seen.add(id);
    const s = stepById(app, id);
    if (!s || s.type === 'summary') {
      break;
    }
    n++;
    id = s.next;
  }
  return n;
}

async function questionBody(app, q, chosen) {
  if (q.type === 'choice') {
    const current = valueOf(app, q);
    return el('ul', { class: 'choices' }, q.options.map(o => el('li', {},
      el('button', {
        type: 'button', class: 'choice', 'data-id': o.id, 'aria-pressed': String(o.id === current),
        onclick: () => { setValue(app, q, o.id); chosen(); },
      }, icon(o.icon), el('strong', { text: o.label })))));
  }
  if (q.type === 'text') {
    const id = 'answer-' + q.id;
    const area = el('textarea', { id, maxlength: q.maxLength || 4000, autocomplete: 'off', spellcheck: 'true' });
    area.value = valueOf(app, q) || '';
    area.addEventListener('input', () => setValue(app, q, area.value));
    return el('div', {}, el('label', { for: id, text: app.t('step.storyLabel') }), area);
  }
  if (q.type === 'region') {
    const regions = await app.regions();
    const select = el('select', { id: 'answer-region' },
      el('option', { value: '', text: app.t('step.regionPick') }),
      regions.map(r => el('option', { value: r.code, text: r.name })));
    select.value = valueOf(app, q) || '';
    select.addEventListener('change', () => {
      setValue(app, q, select.value);
      app.state.draft.about = null; // a place belongs to its region
    });
    return el('div', {}, el('label', { for: 'answer-region', text: app.t('step.regionLabel') }), select);
  }
  if (q.type === 'about') {
    const regions = await app.regions();
    const region = regions.find(r => r.code === app.state.draft.region);
    const current = valueOf(app, q) || {};
    const select = el('select', { id: 'answer-location' },
      el('option', { value: '', text: app.t('step.locationNone') }),
      (region ? region.locations : []).map(l => el('option', { value: l.id, text: l.provider + ' – ' + l.name })));
    select.value = current.locationId || '';
    const text = el('input', { id: 'answer-about-text', type: 'text', maxlength: 200, autocomplete: 'off' });
    text.value = current.text || '';
    const update = () => setValue(app, q, hasValue({ a: select.value, b: text.value })
      ? { locationId: select.value || null, text: text.value.trim() || null } : null);
    select.addEventListener('change', update);
    text.addEventListener('input', update);
    return el('div', {},
      el('label', { for: 'answer-location', text: app.t('step.locationLabel') }), select,
      el('label', { for: 'answer-about-text', text: app.t('step.locationText') }), text);
  }
  if (q.type === 'contact') {
    const current = valueOf(app, q) || {};
    const phone = el('input', { id: 'answer-phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20 });
    phone.value = current.phone || '';
    phone.addEventListener('input', () => setValue(app, q, phone.value.trim() ? { phone: phone.value.trim() } : null));
    return el('div', {}, el('label', { for: 'answer-phone', text: app.t('step.contactLabel') }), phone);
  }
  return el('p', { text: app.t('error.generic') });
}

// ---------- say it back, send, receipt ----------

function describe(app, step) {
  const q = step.question;
  const value = valueOf(app, q);
  if (!hasValue(value)) {
    return app.t('summary.empty');
  }
  if (q.type === 'choice') {
    const option = q.options.find(o => o.id === value);
    return option ? option.label : value;
  }
  if (q.type === 'region') {
    const region = (app.state.regions || []).find(r => r.code === value);
    return region ? region.name : value;
  }
  if (q.type === 'about') {
    const region = (app.state.regions || []).find(r => r.code === app.state.draft.region);
    const place = region && value.locationId ? region.locations.find(l => l.id === value.locationId) : null;
    return [place ? place.provider + ' – ' + place.name : null, value.text].filter(Boolean).join('\n');
  }
  if (q.type === 'contact') {
    return value.phone;
  }
  return String(value);
}

function summary(app) {
  const draft = app.state.draft;
  const asked = draft.path.map(id => stepById(app, id)).filter(s => s && s.question);
  const list = el('dl', { class: 'summary' }, asked.map(step => el('div', {},
    el('dt', { text: step.title }),
    el('dd', { text: describe(app, step) }),
    el('dd', {}, button(app.t('summary.change'), () => {
      draft.path = draft.path.slice(0, draft.path.indexOf(step.id) + 1);
      showStep(app, step.id);
    })))));
  const keep = el('input', { type: 'checkbox', id: 'keep-draft' });
  keep.checked = draft.keep;
  keep.addEventListener('change', () => { draft.keep = keep.checked; app.saveDraft(); });
  app.show(
    heading(app.t('summary.title')),
    el('p', { text: app.t('summary.intro') }),
    list,
    el('label', { class: 'check', for: 'keep-draft' }, keep, el('span', { text: app.t('draft.keep') })),
    el('p', { class: 'hint', text: app.t('draft.keepHint') }),
    el('div', { class: 'row' },
      button(app.t('nav.back'), () => goBack(app)),
      button(app.t('summary.send'), () => send(app), 'primary')));
}

function requestBody(app) {
  const d = app.state.draft;
  const body = { flowVersion: app.state.flow.version, kind: d.kind, region: d.region, setting: d.setting,
    contactPreference: d.contactPreference };
  if (Object.keys(d.answers).length > 0) {
    body.answers = d.answers;
  }
  if (d.story && d.story.trim()) {
    body.story = d.story.trim();
  }
  if (d.ageBand) {
    body.ageBand = d.ageBand;
  }
  if (d.about) {
    body.about = d.about;
  }
  if (d.contact) {
    body.contact = d.contact;
  }
  return body;
}

/**
 * Sends with one Idempotency-Key kept with the draft: a retry after a dropped connection, a reload of a kept
 * draft or a second tap all reach the same case.
 */
async function send(app) {
  const draft = app.state.draft;
  if (!draft.idempotencyKey) {
    draft.idempotencyKey = newIdempotencyKey();
    app.saveDraft();
  }
  const busy = el('p', { role: 'status', text: app.t('send.busy') });
  app.show(heading(app.t('send.busy')), busy);
  try {
    const created = await api.createCase(requestBody(app), draft.idempotencyKey);
    app.forgetDraft();
    receipt(app, created);
  } catch (e) {
    const fields = e instanceof ApiError && e.problem.errors ? e.problem.errors : [];
    app.show(
      heading(e instanceof ApiError && e.status < 500 ? problemText(app, e) : app.t('send.failed')),
      fields.length ? el('ul', {}, fields.map(f => el('li', { text: f.message }))) : null,
      el('div', { class: 'row' },
        button(app.t('summary.change'), () => summary(app)),
        button(app.t('send.retry'), () => send(app), 'primary')));
  }
}

function receipt(app, created) {
  const copied = el('p', { role: 'status', class: 'hint' });
  const open = button(app.t('receipt.open'), () => casePage(app, created.caseId), 'primary');
  open.disabled = true;
  const written = el('input', { type: 'checkbox', id: 'written' });
  written.addEventListener('change', () => { open.disabled = !written.checked; });
  app.show(
    heading(app.t('receipt.title')),
    el('p', { text: created.statusText }),
    el('ul', {}, (created.nextSteps || []).map(s => el('li', { text: s }))),
    created.helpContacts ? helpList(app) : null,
    el('h2', { text: app.t('receipt.codeLabel') }),
    el('p', { class: 'code', id: 'case-code', text: created.caseCode }),
    el('p', { text: app.t('receipt.why') }),
    button(app.t('receipt.copy'), async () => {
      try {
        await navigator.clipboard.writeText(created.caseCode);
        copied.textContent = app.t('receipt.copied');
      } catch (ignored) {
        window.getSelection().selectAllChildren(document.getElementById('case-code'));
      }
    }),
    copied,
    el('p', { class: 'hint', text: app.t('receipt.how') }),
    el('label', { class: 'check', for: 'written' }, written, el('span', { text: app.t('receipt.written') })),
    el('div', { class: 'row' }, open));
}

// ---------- following a case ----------

export async function cases(app) {
  stopPolling();
  let list;
  try {
    list = api.deviceToken() ? (await api.cases()).cases : [];
  } catch (e) {
    app.notify(problemText(app, e));
    list = [];
  }
  app.show(
    heading(app.t('cases.title')),
    list.length === 0 ? el('p', { text: app.t('cases.none') }) : el('ul', { class: 'cases' }, list.map(c => el('li', {},
      el('button', { type: 'button', onclick: () => casePage(app, c.caseId) },
        el('span', {}, el('strong', { text: c.statusText }), el('br'),
          el('small', { text: when(c.createdAt, app.state.language) })),
        el('span', { text: app.t('cases.open') }))))),
    el('div', { class: 'row' },
      button(app.t('help.back'), () => start(app)),
      button(app.t('cases.new'), () => start(app), 'primary')));
}

export async function casePage(app, caseId) {
  stopPolling();
  let detail;
  try {
    detail = await api.caseDetail(caseId);
  } catch (e) {
    app.notify(problemText(app, e));
    cases(app);
    return;
  }
  let letter = await complaint.load(detail);
  renderCase(app, detail, '', letter);
  let last = JSON.stringify([detail.status, detail.timeline.length, detail.messages.length]);
  poller = setInterval(async () => {
    if (document.visibilityState !== 'visible') {
      return;
    }
    try {
      const fresh = await api.caseDetail(caseId);
      const now = JSON.stringify([fresh.status, fresh.timeline.length, fresh.messages.length]);
      if (now !== last) {
        last = now;
        const draftText = document.getElementById('reply') ? document.getElementById('reply').value : '';
        letter = await complaint.load(fresh);
        renderCase(app, fresh, draftText, letter);
        app.notify(app.t('case.updated'));
      }
    } catch (ignored) {
      // offline for a moment: the next poll tries again
    }
  }, POLL_MS);
}

/** "Trust person" is a glossary term: the glossary's own word for it, so it reads the same everywhere. */
function trustPersonWord(app) {
  const entry = (app.state.glossary || []).find(g => g.id === 'vertrouwenspersoon');
  return entry ? entry.term : '';
}

function renderCase(app, detail, replyText, letter) {
  const id = detail.caseId;
  const finished = FINISHED.includes(detail.status);
  const thread = el('ul', { class: 'thread', 'aria-live': 'polite' }, detail.messages.map(m => el('li', {
    class: m.author === 'young_person' ? 'mine' : 'theirs',
  }, el('span', { class: 'who', text: m.author === 'young_person' ? app.t('case.you') : trustPersonWord(app) }),
  m.text)));
  const reply = el('textarea', { id: 'reply', maxlength: 4000, autocomplete: 'off' });
  reply.value = replyText || '';
  const actions = el('div', { class: 'stack' });
  if (!finished) {
    actions.append(
      button(app.t('case.visit'), () => act(app, id, () => api.visit(id), 'case.visitDone')),
      button(app.t('case.other'), () => act(app, id, () => api.otherTrustPerson(id), 'case.otherDone')),
      button(app.t('case.withdraw'), () => confirmThen(app, 'case.withdrawConfirm',
        () => act(app, id, () => api.withdraw(id), 'case.withdrawDone'))));
  }
  actions.append(
    button(app.t('case.export'), () => download(app, id)),
    button(app.t('case.erase'), () => confirmThen(app, 'case.eraseConfirm', async () => {
      try {
        await api.erase(id);
        app.notify(app.t('case.erased'));
        cases(app);
      } catch (e) {
        app.notify(problemText(app, e));
      }
    }), 'danger'));
  app.show(
    heading(app.t('case.title')),
    app.reviewNote(detail),
    el('h2', { text: app.t('case.status') }),
    el('p', { class: 'status', text: detail.statusText }),
    detail.nextStep ? el('div', { class: 'next' }, el('h2', { text: app.t('case.next') }),
      el('p', {}, withTerms(detail.nextStep.text, app.state.glossary, app.t))) : null,
    letter ? complaint.section(app, detail, letter, () => casePage(app, id)) : null,
    detail.helpContacts ? helpList(app) : null,
    el('h2', { text: app.t('case.timeline') }),
    el('ol', { class: 'timeline' }, detail.timeline.map(e => el('li', {},
      el('time', { datetime: e.at, text: when(e.at, app.state.language) }),
      el('strong', { text: e.title }), el('br'), withTerms(e.text, app.state.glossary, app.t)))),
    el('h2', { text: app.t('case.messages') }),
    detail.messages.length ? thread : el('p', { text: app.t('case.noMessages') }),
    finished ? null : el('div', {},
      el('label', { for: 'reply', text: app.t('case.write') }), reply,
      el('div', { class: 'row' }, button(app.t('case.send'), async () => {
        const text = reply.value.trim();
        if (!text) {
          return;
        }
        try {
          await api.postMessage(id, text);
          app.notify(app.t('case.sent'));
          casePage(app, id);
        } catch (e) {
          app.notify(problemText(app, e));
        }
      }, 'primary'))),
    finished ? feedbackForm(app, id) : null,
    el('h2', { text: app.t('case.actions') }),
    actions,
    el('div', { class: 'row' }, button(app.t('start.myCases'), () => cases(app))));
}

async function act(app, id, call, doneKey) {
  try {
    await call();
    app.notify(app.t(doneKey));
  } catch (e) {
    app.notify(problemText(app, e));
  }
  casePage(app, id);
}

function confirmThen(app, questionKey, yes) {
  stopPolling();
  const previous = [...app.view.childNodes];
  app.show(
    heading(app.t(questionKey)),
    el('div', { class: 'row' },
      button(app.t('confirm.no'), () => { app.show(...previous); }),
      button(app.t('confirm.yes'), yes, 'primary danger')));
}

async function download(app, id) {
  try {
    await saveFile(await api.exportCase(id), 'gehoord-export.json');
  } catch (e) {
    app.notify(problemText(app, e));
  }
}

function feedbackForm(app, id) {
  let score = null;
  const scores = el('div', { class: 'scores', role: 'group', 'aria-labelledby': 'feedback-title' });
  for (let i = 1; i <= 5; i++) {
    const b = button(app.t('case.feedbackScore' + i), () => {
      score = i;
      for (const other of scores.children) {
        other.setAttribute('aria-pressed', String(other === b));
      }
    });
    b.setAttribute('aria-pressed', 'false');
    scores.append(b);
  }
  const text = el('textarea', { id: 'feedback-text', maxlength: 1000 });
  return el('div', {},
    el('h2', { id: 'feedback-title', text: app.t('case.feedbackTitle') }),
    scores,
    el('label', { for: 'feedback-text', text: app.t('case.feedbackText') }), text,
    el('div', { class: 'row' }, button(app.t('case.feedbackSend'), async () => {
      if (score === null) {
        return;
      }
      try {
        await api.feedback(id, score, text.value.trim());
        app.notify(app.t('case.feedbackThanks'));
      } catch (e) {
        app.notify(problemText(app, e));
      }
    }, 'primary')));
}

// ---------- another device, and leaving this one ----------

export function claim(app) {
  stopPolling();
  const input = el('input', { id: 'claim-code', type: 'text', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', maxlength: 40, 'aria-describedby': 'claim-hint' });
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  app.show(
    heading(app.t('claim.title')),
    el('label', { for: 'claim-code', text: app.t('claim.label') }), input,
    el('p', { class: 'hint', id: 'claim-hint', text: app.t('claim.hint') }),
    error,
    el('div', { class: 'row' },
      button(app.t('nav.back'), () => start(app)),
      button(app.t('claim.go'), async () => {
        try {
          const claimed = await api.claim(input.value.trim());
          casePage(app, claimed.caseId);
        } catch (e) {
          error.textContent = problemText(app, e);
          error.hidden = false;
        }
      }, 'primary')));
}

export function device(app) {
  stopPolling();
  app.show(
    heading(app.t('device.title')),
    el('p', { text: app.t('device.intro') }),
    el('p', { text: app.t('device.logoutConfirm') }),
    el('div', { class: 'row' },
      button(app.t('nav.back'), () => start(app)),
      button(app.t('device.logout'), async () => {
        try {
          if (api.deviceToken()) {
            await api.deleteDevice();
          }
        } catch (ignored) {
          // gone already: forget it here all the same
        }
        api.forgetDevice();
        app.forgetDraft();
        app.notify(app.t('device.loggedOut'));
        start(app);
      }, 'primary danger')));
}
