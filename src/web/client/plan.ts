/**
 * Plan page enhancement: a box that narrows the list of actions to those whose text contains
 * the words typed, announcing how many are shown. Without JavaScript the page keeps its filter
 * form, which works as links; this only adds speed.
 */
const section = document.getElementById('azioni');
const count = document.getElementById('actions-count');
const actions = Array.from(document.querySelectorAll<HTMLElement>('[data-action]'));

if (section && count && actions.length > 0) {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'it';
  const words = {
    it: {
      label: 'Cerca tra le azioni mostrate',
      shown: (n: number, all: number) => `${n} azioni su ${all}`,
    },
    en: {
      label: 'Search the actions shown',
      shown: (n: number, all: number) => `${n} of ${all} actions`,
    },
  }[lang];
  const wrapper = document.createElement('div');
  wrapper.className = 'piano-quick-search mb-3';
  const label = document.createElement('label');
  label.htmlFor = 'cerca-azioni';
  label.textContent = words.label;
  const input = document.createElement('input');
  input.type = 'search';
  input.id = 'cerca-azioni';
  input.className = 'form-control';
  input.autocomplete = 'off';
  wrapper.append(label, input);
  count.before(wrapper);
  const initial = count.textContent;
  const texts = actions.map((a) => (a.textContent ?? '').toLocaleLowerCase(lang));
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const query = input.value.trim().toLocaleLowerCase(lang);
      let shown = 0;
      actions.forEach((a, i) => {
        const match = !query || (texts[i] ?? '').includes(query);
        a.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = query ? words.shown(shown, actions.length) : initial;
    }, 200);
  });
}
