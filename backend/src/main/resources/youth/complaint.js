// The formal complaint, the young person's side: the letter their trust person started, the few extra questions
// one at a time, the letter paragraph by paragraph beside what each part says, an explicit approval of the exact
// version they read, and the sent letter as a PDF. Every word comes from the API in the chosen language; the
// letter itself is Dutch (it is for the complaints committee) and is marked so.

import { api, ApiError } from './api.js';
import { el, saveFile, withTerms } from './ui.js';

/** The complaint of a case, when its timeline says one was started; null otherwise (no request is wasted). */
export async function load(detail) {
  if (!detail.timeline.some(e => e.type === 'complaint_started')) {
    return null;
  }
  try {
    return await api.complaint(detail.caseId);
  } catch (e) {
    return null;
  }
}

/** The trust person reworded the letter after the young person approved it, and it waits for a new approval. */
function changedSinceApproval(detail, complaint) {
  if (complaint.approved || complaint.state !== 'draft') {
    return false;
  }
  const types = detail.timeline.map(e => e.type);
  return types.lastIndexOf('complaint_changed') > types.lastIndexOf('complaint_approved');
}

function problemText(app, error) {
  if (error instanceof ApiError && error.problem && error.problem.detail) {
    return error.problem.detail;
  }
  return app.t('error.generic');
}

/** The complaint's part of the case screen: where the letter is, and the one thing to do next. */
export function section(app, detail, complaint, openCase) {
  const changed = changedSinceApproval(detail, complaint);
  const actions = el('div', { class: 'stack' });
  // The trust person may have changed the letter since this screen was drawn: always open the newest version.
  const fresh = screen => async () => {
    stopCase();
    try {
      screen(await api.complaint(detail.caseId));
    } catch (e) {
      app.notify(problemText(app, e));
    }
  };
  if (complaint.state === 'draft' && !complaint.complete) {
    actions.append(button(app.t('complaint.answer'),
      fresh(c => questions(app, detail, c, firstUnanswered(c), openCase)), 'primary'));
  } else if (complaint.state === 'draft') {
    actions.append(button(app.t(complaint.approved ? 'complaint.readAgain' : 'complaint.read'),
      fresh(c => letter(app, detail, c, openCase)), complaint.approved ? undefined : 'primary'));
  } else {
    actions.append(button(app.t('complaint.read'), fresh(c => letter(app, detail, c, openCase))));
  }
  if (complaint.letterReady) {
    actions.append(button(app.t('complaint.download'), () => download(app, detail.caseId), 'primary'));
  }
  return el('section', { class: 'complaint', 'aria-labelledby': 'complaint-title' },
    el('h2', { id: 'complaint-title', text: app.t('complaint.title') }),
    changed ? el('p', { class: 'changed', id: 'complaint-changed', text: app.t('complaint.changed') }) : null,
    el('p', { text: complaint.intro }),
    actions);
}

/** Starts where they stopped: the first question without an answer (or the first, when all are answered). */
function firstUnanswered(complaint) {
  const at = complaint.questions.findIndex(q => q.answer === undefined || q.answer === null);
  return at < 0 ? 0 : at;
}

let stopCase = () => {};

/** The case screen's polling stops while the young person is in the complaint's screens. */
export function onLeaveCase(stop) {
  stopCase = stop;
}

function button(text, onclick, cls) {
  return el('button', { type: 'button', class: cls, onclick }, text);
}

/**
 * One question a screen, in the order the API gives them. The API leaves out what no longer applies (who comes
 * along when they do not want to be heard; their name when it stays with the trust person), so the next
 * question is looked up again in the answer to each step.
 */
export function questions(app, detail, complaint, index, openCase, backTo) {
  const q = complaint.questions[index];
  if (!q) {
    letter(app, detail, complaint, openCase);
    return;
  }
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const save = async value => {
    try {
      const fresh = value === null ? complaint : await api.answerComplaint(detail.caseId, { [q.id]: value });
      if (backTo) {
        letter(app, detail, fresh, openCase);
        return;
      }
      const at = fresh.questions.findIndex(x => x.id === q.id);
      questions(app, detail, fresh, at + 1, openCase);
    } catch (e) {
      error.textContent = problemText(app, e);
      error.hidden = false;
    }
  };
  let body;
  let next = null;
  if (q.options) {
    body = el('ul', { class: 'choices' }, q.options.map(o => el('li', {},
      el('button', {
        type: 'button', class: 'choice', 'data-id': o.id, 'aria-pressed': String(o.id === q.answer),
        onclick: () => save(o.id),
      }, el('strong', { text: o.label })))));
  } else {
    const id = 'complaint-' + q.id;
    const single = q.id === 'fullName';
    const input = single
      ? el('input', { id, type: 'text', maxlength: 200, autocomplete: 'off' })
      : el('textarea', { id, maxlength: 4000, autocomplete: 'off', spellcheck: 'true' });
    input.value = q.answer || '';
    body = el('div', {}, el('label', { for: id, text: app.t(single ? 'complaint.nameLabel' : 'step.storyLabel') }),
      input);
    next = button(app.t('nav.next'), () => {
      const value = input.value.trim();
      if (!value) {
        if (q.id === 'story') {
          save(null);
          return;
        }
        error.textContent = app.t('complaint.required');
        error.hidden = false;
        return;
      }
      save(value === (q.answer || '') ? null : value);
    }, 'primary');
  }
  const back = backTo ? () => letter(app, detail, complaint, openCase)
    : index === 0 ? () => openCase() : () => questions(app, detail, complaint, index - 1, openCase);
  app.show(
    el('p', { class: 'progress', text: app.t('step.progress', index + 1, complaint.questions.length) }),
    el('h1', {}, withTerms(q.title, app.state.glossary, app.t)),
    q.help ? el('p', { class: 'hint' }, withTerms(q.help, app.state.glossary, app.t)) : null,
    app.reviewNote(complaint),
    body,
    error,
    el('div', { class: 'row' }, button(app.t('nav.back'), back), next));
}

/** Which question holds the young person's own words in a paragraph, so they can change them from there. */
const OWN_WORDS = { facts: 'story', request: 'whatNow' };

/**
 * The letter, paragraph by paragraph: the paragraph's name and what it says in their language, beside the
 * Dutch text of the letter (marked as Dutch, left to right, also on an Arabic page). Their own words can be
 * changed; the approval covers exactly the version shown.
 */
export function letter(app, detail, complaint, openCase) {
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const draft = complaint.state === 'draft';
  const parts = el('ol', { class: 'letter' }, complaint.paragraphs.map(p => {
    const question = OWN_WORDS[p.id];
    const at = question ? complaint.questions.findIndex(x => x.id === question) : -1;
    return el('li', { class: 'part', 'data-part': p.id },
      el('h2', { text: p.title }),
      el('div', { class: 'side' },
        el('p', { class: 'plain' }, withTerms(p.plain, app.state.glossary, app.t)),
        el('div', { class: 'formal', lang: 'nl', dir: 'ltr' },
          el('p', { class: 'formal-label', lang: app.state.language, dir: app.state.direction,
            text: app.t('complaint.inLetter') }),
          el('h3', { text: p.letterHeading }),
          el('p', { text: p.letterText }),
          p.ownWords ? el('blockquote', {},
            el('p', { class: 'formal-label', lang: app.state.language, dir: app.state.direction,
              text: app.t('complaint.ownWords') }),
            el('p', { lang: app.state.language, dir: 'auto', text: p.ownWords })) : null)),
      draft && at >= 0 ? el('div', { class: 'row' }, button(app.t('complaint.changeWords'),
        () => questions(app, detail, complaint, at, openCase, 'letter'))) : null);
  }));
  const changed = changedSinceApproval(detail, complaint);
  const actions = el('div', { class: 'row' }, button(app.t('nav.back'), () => openCase()));
  if (draft && !complaint.complete) {
    actions.append(button(app.t('complaint.answer'), () => questions(app, detail, complaint, 0, openCase),
      'primary'));
  } else if (draft && !complaint.approved) {
    actions.append(button(app.t('complaint.approve'), async () => {
      try {
        await api.approveComplaint(detail.caseId, complaint.version);
        app.notify(app.t('complaint.approvedDone'));
        openCase();
      } catch (e) {
        // Changed while they read (409): show the new version, so they approve what they see.
        app.notify(problemText(app, e));
        try {
          letter(app, detail, await api.complaint(detail.caseId), openCase);
        } catch (ignored) {
          error.textContent = problemText(app, e);
          error.hidden = false;
        }
      }
    }, 'primary'));
  } else if (complaint.letterReady) {
    actions.append(button(app.t('complaint.download'), () => download(app, detail.caseId), 'primary'));
  }
  app.show(
    el('h1', { text: app.t('complaint.letterTitle') }),
    changed ? el('p', { class: 'changed', text: app.t('complaint.changed') }) : null,
    el('p', { text: complaint.intro }),
    app.reviewNote(complaint),
    parts,
    error,
    actions);
}

async function download(app, caseId) {
  try {
    await saveFile(await api.complaintLetter(caseId), 'gehoord-brief.pdf');
  } catch (e) {
    app.notify(problemText(app, e));
  }
}
