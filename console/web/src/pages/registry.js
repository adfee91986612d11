// Pages that features add to the console. A page is one module under pages/ that calls page({...}) and is
// imported once in pages/index.js; main.js routes '#/<path>/<rest…>' to it and lists it in the navigation.
//
// page({
//   key: 'alarms',                 // unique; also data-nav="alarms" on its navigation link
//   path: 'alarms',                // '#/alarms/…' opens it; the parts after the path are passed as `rest`
//   label: 'navAlarms',            // i18n key of the navigation label (add texts with addTexts in i18n.js)
//   replaces: 'navCleaning',       // optional: the "coming soon" placeholder this page replaces
//   visible: (me) => true,         // optional: who sees the link (me = GET /console/session)
//   render: async (ctx, rest) => Node,  // ctx: { me, api, t, h, badge, stateBadge, chinaTime, regionName, rerender, navigate }
// });
const registered = [];

export function page(definition) {
  if (!definition.key || !definition.path || typeof definition.render !== 'function') {
    throw new Error(`page needs key, path and render: ${JSON.stringify(Object.keys(definition))}`);
  }
  if (registered.some((p) => p.key === definition.key || p.path === definition.path)) {
    throw new Error(`page ${definition.key} (${definition.path}) registered twice`);
  }
  registered.push(definition);
}

/** The pages the user may see, in registration order. */
export const pages = (me) => registered.filter((p) => !p.visible || p.visible(me));

/** The page whose path is the first part of the hash, or undefined. */
export const pageFor = (path) => registered.find((p) => p.path === path);
