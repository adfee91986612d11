// Small DOM helpers shared by the console's pages.
import { t } from './i18n.js';

/** h('div.class#id', {attrs}, ...children): an element; strings become text nodes (never HTML). */
export function h(tag, attrs = {}, ...children) {
  if (attrs == null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  const [name, ...rest] = tag.split('.');
  const [element, id] = name.split('#');
  const classes = rest.map((c) => c.split('#')[0]);
  const idInClass = rest.map((c) => c.split('#')[1]).find(Boolean);
  const el = document.createElement(element);
  if (classes.length) el.className = classes.join(' ');
  if (id || idInClass) el.id = id || idInClass;
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export const badge = (colour) => h(`span.badge.c-${colour || 'NONE'}`, { 'data-colour': colour || 'NONE' }, colour ? t(`colours.${colour}`) : t('noColour'));
export const stateBadge = (s) => h(`span.state.s-${s}`, { 'data-state': s }, t(`states.${s}`));
