// Gehoord for young people without the app: the whole journey through the public /v1 API, nothing more.
// One page, one history entry: "leave now" replaces it, so the browser's back button cannot return here.

import { api } from './api.js';
import { el, show } from './ui.js';
import * as screens from './screens.js';

const LANGUAGE_KEY = 'gehoord.language';
const DRAFT_KEY = 'gehoord.draft';
const NEUTRAL_SITE = 'https://www.google.com/search?q=weer';

const state = {
  language: null,
  texts: {},
  reviewed: true,
  direction: 'ltr',
  languages: [],
  flow: null,
  glossary: [],
  help: null,
  regions: null,
  draft: null,
};

const view = document.getElementById('view');
const note = document.getElementById('note');

/** A text of the app itself, filled in; the key shows when a text is missing, so a gap is seen, not hidden. */
export function t(key, ...args) {
  const pattern = state.texts[key];
  if (pattern === undefined) {
    return key;
  }
  return pattern.replace(/\{(\d+)\}/g, (match, n) => (args[Number(n)] === undefined ? match : String(args[n])));
}

export function notify(text) {
  note.textContent = text;
  note.hidden = !text;
  if (text) {
    clearTimeout(notify.timer);
    notify.timer = setTimeout(() => { note.hidden = true; }, 8000);
  }
}

function leave() {
  state.draft = null;
  try { sessionStorage.clear(); } catch (ignored) { /* nothing kept */ }
  document.title = 'Gehoord';
  view.replaceChildren();
  window.location.replace(NEUTRAL_SITE);
}

async function loadLanguage(language) {
  api.language = language;
  const answer = await api.texts();
  state.texts = answer.texts;
  state.languages = answer.languages;
  state.reviewed = answer.reviewed;
  state.direction = answer.direction;
  state.language = answer.language;
  document.documentElement.lang = answer.language;
  document.documentElement.dir = answer.direction;
  document.title = 'Gehoord';
  for (const node of document.querySelectorAll('[data-text]')) {
    node.textContent = t(node.dataset.text);
  }
  // The flow, words and numbers come from their own answers, in the same language.
  const [flow, glossary, help] = await Promise.all([api.flow(), api.glossary(), api.helpContacts()]);
  state.flow = flow;
  state.glossary = glossary.entries;
  state.help = help;
}

/** The note that a translation was not checked yet, where the API says so. */
export function reviewNote(...answers) {
  const unchecked = answers.some(a => a && a.reviewed === false);
  return unchecked ? el('p', { class: 'review-note', text: t('language.notReviewed') }) : null;
}

export const app = {
  state,
  view,
  t,
  notify,
  reviewNote,

  async chooseLanguage(language) {
    localStorage.setItem(LANGUAGE_KEY, language);
    await loadLanguage(language);
    await api.setDeviceLanguage(language);
    this.start();
  },

  start() { screens.start(this); },
  languageScreen() { screens.languages(this); },

  /** A new draft; kept in memory only, unless the young person chooses to keep it on this device. */
  newDraft(kindId) {
    state.draft = {
      kind: kindId, answers: {}, story: null, region: null, setting: null, ageBand: null, about: null,
      contact: null, contactPreference: null, path: [], keep: false, idempotencyKey: null,
    };
  },

  saveDraft() {
    if (state.draft && state.draft.keep) {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(state.draft));
    } else {
      localStorage.removeItem(DRAFT_KEY);
    }
  },

  forgetDraft() {
    state.draft = null;
    localStorage.removeItem(DRAFT_KEY);
  },

  async regions() {
    if (!state.regions) {
      state.regions = (await api.regions()).regions;
    }
    return state.regions;
  },

  show(...nodes) { show(view, ...nodes); },
};

async function boot() {
  document.getElementById('leave').addEventListener('click', leave);
  history.replaceState(null, '', '/app/');
  const stored = localStorage.getItem(LANGUAGE_KEY);
  const kept = localStorage.getItem(DRAFT_KEY);
  try {
    await loadLanguage(stored || navigator.language.split('-')[0] || 'nl');
  } catch (e) {
    screens.offline(app);
    return;
  }
  if (kept) {
    try { state.draft = JSON.parse(kept); } catch (ignored) { localStorage.removeItem(DRAFT_KEY); }
  }
  if (!stored) {
    screens.languages(app);
  } else if (state.draft) {
    screens.resumeDraft(app);
  } else {
    screens.start(app);
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => { /* works without */ });
  }
}

boot();
