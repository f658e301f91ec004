// Small DOM helpers. Everything is built with createElement and textContent: nothing the API or a person
// wrote is ever parsed as HTML, and no inline script or style is needed (the CSP allows neither).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.substring(2), value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An icon from the sprite, hidden from screen readers: the text next to it says what it means. */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('viewBox', '0 0 24 24');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', '/app/icons.svg#' + (name || 'dot'));
  svg.append(use);
  return svg;
}

/** Replaces the screen and puts the keyboard and screen-reader focus on its heading. */
export function show(view, ...nodes) {
  view.replaceChildren(...nodes.flat().filter(n => n !== null && n !== undefined && n !== false));
  const heading = view.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  } else {
    view.focus();
  }
  window.scrollTo(0, 0);
}

/**
 * A text with every glossary term in it turned into a button that explains it in place, so a formal word
 * never stands unexplained. Longest terms first, whole words only, case-insensitive.
 */
export function withTerms(text, glossary, t) {
  const container = el('span');
  if (!text) {
    return container;
  }
  const terms = (glossary || []).filter(g => g.term && g.term.length > 2)
    .sort((a, b) => b.term.length - a.term.length);
  let rest = text;
  const used = new Set();
  while (rest.length > 0) {
    let best = null;
    for (const entry of terms) {
      if (used.has(entry.id)) {
        continue;
      }
      const index = findWord(rest, entry.term);
      if (index >= 0 && (best === null || index < best.index)) {
        best = { index, entry };
      }
    }
    if (best === null) {
      container.append(rest);
      break;
    }
    used.add(best.entry.id);
    container.append(rest.substring(0, best.index));
    const word = rest.substring(best.index, best.index + best.entry.term.length);
    container.append(termButton(word, best.entry, t));
    rest = rest.substring(best.index + best.entry.term.length);
  }
  return container;
}

function findWord(text, term) {
  const lower = text.toLocaleLowerCase();
  const wanted = term.toLocaleLowerCase();
  let from = 0;
  while (true) {
    const index = lower.indexOf(wanted, from);
    if (index < 0) {
      return -1;
    }
    const before = index === 0 ? ' ' : lower[index - 1];
    const after = index + wanted.length >= lower.length ? ' ' : lower[index + wanted.length];
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
      return index;
    }
    from = index + 1;
  }
}

let termCount = 0;

function termButton(word, entry, t) {
  const id = 'term-' + (++termCount);
  const explanation = el('span', { class: 'explain', id, role: 'note', hidden: true },
    el('strong', { text: entry.term }), ' ', entry.explanation);
  const button = el('button', {
    type: 'button', class: 'term', 'aria-expanded': 'false', 'aria-controls': id,
    'aria-label': t('term.button', word),
  }, word);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    explanation.hidden = open;
  });
  return el('span', {}, button, explanation);
}

/** A date and time the way the language writes it, in Amsterdam time (where the services are). */
export function when(iso, language) {
  try {
    return new Intl.DateTimeFormat(language, {
      weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(iso));
  } catch (ignored) {
    return iso;
  }
}

/**
 * Saves an answer as a file made in the page (a blob), so nothing of a case is ever in a URL; the blob is let go
 * once the browser has taken it.
 */
export async function saveFile(response, name) {
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
