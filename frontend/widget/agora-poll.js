/*
 * <agora-poll poll="42" [show-arguments] [lang="de"] [base="https://agora.example"]></agora-poll>
 *
 * Agora's embeddable poll: a plain custom element with Shadow DOM, no framework, no build step. It reads
 * /api/v1/polls/{id}/widget, lets readers vote anonymously where the poll allows it (a signed voter token kept in
 * localStorage and in a partitioned cookie of the poll's API), shows readers' and members' results apart, and follows new votes live (Server-Sent Events with
 * reconnect backoff, polling as the fallback). Theme it with CSS custom properties (--agora-poll-accent, -bg, -fg,
 * -muted, -border, -radius, -font) and ::part(container|question|form|option|submit|results|bar|message|link).
 * Licence: AGPL-3.0-or-later.
 */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

const STRINGS = {
  en: {
    loading: 'Loading poll…',
    vote: 'Vote',
    voting: 'Sending…',
    readers: 'Readers of this site',
    members: 'Agora members',
    votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    noVotes: 'No votes yet',
    thanks: 'Thank you, your vote was counted.',
    already: 'You have voted in this poll.',
    closed: 'This poll is closed.',
    unavailable: 'This poll is not available here.',
    failed: 'The poll could not be loaded. Please try again later.',
    voteFailed: 'Your vote could not be sent. Please try again.',
    tooFast: (s) => `Too many votes from here just now. Please try again in ${s} seconds.`,
    chooseOne: 'Please choose an answer.',
    chooseBetween: (a, b) => `Please choose between ${a} and ${b} answers.`,
    memberLink: 'Vote as an Agora member',
    voteOnAgora: 'Vote on Agora',
    membersOnly: 'Readers cannot vote on this poll here; Agora members vote on Agora.',
    hiddenAfterVoting: 'The results are shown after you vote or when the poll closes.',
    hiddenAfterClose: 'The results are shown when the poll closes.',
    hiddenModerators: 'The results of this poll are not public.',
    updated: 'Results updated.',
    bySide: 'Members by the side they argued',
    PRO: 'For', CON: 'Against', NEUTRAL: 'Neutral',
    topArgument: (side) => `Most convincing argument ${side === 'PRO' ? 'for' : 'against'}`,
    debate: 'Read the debate on Agora',
    newTab: '(opens in a new tab)',
    leading: 'leading',
    tooSmall: 'too few to show',
    other: '(answer in your own words on Agora)',
  },
  de: {
    loading: 'Umfrage wird geladen…',
    vote: 'Abstimmen',
    voting: 'Wird gesendet…',
    readers: 'Leser dieser Website',
    members: 'Agora-Mitglieder',
    votes: (n) => (n === 1 ? '1 Stimme' : `${n} Stimmen`),
    noVotes: 'Noch keine Stimmen',
    thanks: 'Danke, deine Stimme wurde gezählt.',
    already: 'Du hast in dieser Umfrage abgestimmt.',
    closed: 'Diese Umfrage ist geschlossen.',
    unavailable: 'Diese Umfrage ist hier nicht verfügbar.',
    failed: 'Die Umfrage konnte nicht geladen werden. Bitte versuche es später noch einmal.',
    voteFailed: 'Deine Stimme konnte nicht gesendet werden. Bitte versuche es noch einmal.',
    tooFast: (s) => `Gerade zu viele Stimmen von hier. Bitte versuche es in ${s} Sekunden noch einmal.`,
    chooseOne: 'Bitte wähle eine Antwort.',
    chooseBetween: (a, b) => `Bitte wähle zwischen ${a} und ${b} Antworten.`,
    memberLink: 'Als Agora-Mitglied abstimmen',
    voteOnAgora: 'Auf Agora abstimmen',
    membersOnly: 'Leser können hier nicht abstimmen; Agora-Mitglieder stimmen auf Agora ab.',
    hiddenAfterVoting: 'Die Ergebnisse erscheinen nach deiner Stimme oder wenn die Umfrage endet.',
    hiddenAfterClose: 'Die Ergebnisse erscheinen, wenn die Umfrage endet.',
    hiddenModerators: 'Die Ergebnisse dieser Umfrage sind nicht öffentlich.',
    updated: 'Ergebnisse aktualisiert.',
    bySide: 'Mitglieder nach ihrer Seite in der Debatte',
    PRO: 'Dafür', CON: 'Dagegen', NEUTRAL: 'Neutral',
    topArgument: (side) => `Überzeugendstes Argument ${side === 'PRO' ? 'dafür' : 'dagegen'}`,
    debate: 'Die Debatte auf Agora lesen',
    newTab: '(öffnet in neuem Tab)',
    leading: 'vorn',
    tooSmall: 'zu wenige, um sie zu zeigen',
    other: '(Antwort in eigenen Worten auf Agora)',
  },
};

const CSS = `
:host{display:block;max-width:36rem;font:var(--agora-poll-font,15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
--a:var(--agora-poll-accent,#1d63c6);--bg:var(--agora-poll-bg,#fff);--fg:var(--agora-poll-fg,#1b1f24);
--mu:var(--agora-poll-muted,#5b6470);--bd:var(--agora-poll-border,#d5dae0);--r:var(--agora-poll-radius,10px);color-scheme:light dark}
@media (prefers-color-scheme:dark){:host{--a:var(--agora-poll-accent,#7fb0ff);--bg:var(--agora-poll-bg,#1c2026);
--fg:var(--agora-poll-fg,#e8ebef);--mu:var(--agora-poll-muted,#a3acb8);--bd:var(--agora-poll-border,#3a414b)}}
:host([hidden]){display:none}
.c{background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);padding:1rem 1.1rem}
h2{font-size:1.1em;margin:0 0 .6rem;line-height:1.3}
fieldset{border:0;margin:0;padding:0}legend{padding:0;margin:0 0 .4rem;font-weight:600}
.opt{display:flex;gap:.5rem;align-items:flex-start;padding:.3rem .2rem;border-radius:6px;cursor:pointer}
.opt:hover{background:color-mix(in srgb,var(--a) 8%,transparent)}
.opt input{margin:.2rem 0 0;accent-color:var(--a);width:1.05em;height:1.05em}
.scale{display:flex;flex-wrap:wrap;gap:.25rem}.scale .opt{flex-direction:column;align-items:center;min-width:2.6rem;text-align:center}
.ends{display:flex;justify-content:space-between;color:var(--mu);font-size:.85em}
button{font:inherit;margin-top:.6rem;padding:.45rem 1.1rem;border-radius:6px;border:1px solid var(--a);background:var(--a);color:var(--bg);cursor:pointer;font-weight:600}
button[disabled]{opacity:.6;cursor:wait}
button:focus-visible,input:focus-visible,a:focus-visible{outline:2px solid var(--a);outline-offset:2px}
a{color:var(--a)}
.msg{margin:.6rem 0 0;color:var(--mu)}.err{color:#c62828}
@media (prefers-color-scheme:dark){.err{color:#ff8a80}}
.res{margin-top:.8rem;display:grid;gap:.8rem}
.res h3{font-size:.95em;margin:0 0 .3rem;display:flex;justify-content:space-between;gap:.5rem}
.res h3 small{font-weight:400;color:var(--mu)}
.row{margin:.2rem 0}.lab{display:flex;justify-content:space-between;gap:.5rem;font-size:.92em}
.track{height:.5rem;border-radius:4px;background:color-mix(in srgb,var(--bd) 60%,transparent);overflow:hidden}
.bar{height:100%;background:var(--a);border-radius:4px;transition:width .4s}
.m .bar{background:color-mix(in srgb,var(--a) 55%,var(--mu))}
.side{font-size:.9em;margin:.15rem 0}.arg{margin:.4rem 0;padding:.4rem .6rem;border-left:3px solid var(--a);font-size:.92em}
.arg b{display:block;font-size:.85em;color:var(--mu);font-weight:600}
.links{margin-top:.8rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.9em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-reduced-motion:reduce){.bar{transition:none}}
`;

let sheet = null;
function styles() {
  if (sheet === null) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch (e) {
      sheet = false;
    }
  }
  return sheet;
}

const memoryStore = new Map();
const store = {
  get(k) { try { return localStorage.getItem(k); } catch (e) { return memoryStore.get(k) || null; } },
  set(k, v) { try { localStorage.setItem(k, v); } catch (e) { memoryStore.set(k, v); } },
  del(k) { try { localStorage.removeItem(k); } catch (e) { memoryStore.delete(k); } },
};

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'on') Object.entries(v).forEach(([ev, fn]) => e.addEventListener(ev, fn));
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

const pct = (n, total) => (total > 0 ? Math.round((n * 1000) / total) / 10 : 0);

class AgoraPoll extends HTMLElement {
  static get observedAttributes() { return ['poll', 'lang', 'show-arguments', 'base']; }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    const s = styles();
    if (s) this.root.adoptedStyleSheets = [s];
    else this.root.append(el('style', { text: CSS }));
    this.data = null;
    this.retry = 0;
    this.source = null;
    this.pollTimer = null;
    this.reconnectTimer = null;
    this.message = null;
  }

  get pollId() { return (this.getAttribute('poll') || '').trim(); }
  get base() { return (this.getAttribute('base') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }
  get t() {
    const lang = (this.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
    return STRINGS[lang] || STRINGS.en;
  }
  get tokenKey() { return `agora-poll-token:${this.base}:${this.pollId}`; }

  connectedCallback() {
    if (this.hasAttribute('framed')) this.watchSize();
    this.load();
  }

  disconnectedCallback() { this.stopLive(); if (this.resizer) this.resizer.disconnect(); }

  attributeChangedCallback(name, before, after) {
    if (before !== null && before !== after && this.isConnected) { this.stopLive(); this.load(); }
  }

  api(path) { return `${this.base}/api/v1/polls/${encodeURIComponent(this.pollId)}${path}`; }

  async load() {
    if (!/^[0-9]{1,18}$/.test(this.pollId)) { this.show(this.t.unavailable); return; }
    if (!this.data) this.show(this.t.loading);
    try {
      const headers = { Accept: 'application/json' };
      const token = store.get(this.tokenKey);
      if (token) headers['Agora-Voter-Token'] = token;
      const res = await fetch(this.api(`/widget?arguments=${this.hasAttribute('show-arguments')}`), { headers, credentials: 'include' });
      if (res.status === 404) { this.data = null; this.stopLive(); this.show(this.t.unavailable); return; }
      if (!res.ok) throw new Error(String(res.status));
      this.data = await res.json();
      this.render();
      this.startLive();
    } catch (e) {
      if (!this.data) this.show(this.t.failed, true);
    }
  }

  show(text, error) {
    this.root.replaceChildren(this.styleNode(), el('div', { class: 'c', part: 'container' },
      el('p', { class: error ? 'msg err' : 'msg', part: 'message', role: 'status', text })));
  }

  styleNode() { return this.root.adoptedStyleSheets && this.root.adoptedStyleSheets.length ? '' : el('style', { text: CSS }); }

  render() {
    const d = this.data; const t = this.t;
    const container = el('div', { class: 'c', part: 'container' });
    const titleId = `q${d.id}`;
    container.append(el('h2', { id: titleId, part: 'question', text: d.question }));
    const canVote = d.anonymousVoting && d.acceptsReaderBallots && !d.voted && ['SINGLE', 'MULTIPLE', 'SCALE'].includes(d.kind);
    if (d.status !== 'OPEN') container.append(el('p', { class: 'msg', part: 'message', text: t.closed }));
    else if (canVote) container.append(this.form(d, titleId));
    else if (d.voted) { if (!this.message) container.append(el('p', { class: 'msg', part: 'message', text: t.already })); }
    else container.append(el('p', { class: 'msg', part: 'message' }, t.membersOnly, ' ',
      el('a', { href: d.url, target: '_blank', rel: 'noopener', part: 'link', text: t.voteOnAgora })));
    if (this.message) container.append(el('p', { class: this.message.error ? 'msg err' : 'msg', role: this.message.error ? 'alert' : 'status', part: 'message', text: this.message.text }));
    const results = el('div', { class: 'res', part: 'results' });
    this.fillResults(results);
    container.append(results);
    if (d.arguments || d.stances) container.append(this.debate(d));
    container.append(el('div', { class: 'links' },
      el('a', { href: d.url, target: '_blank', rel: 'noopener', part: 'link' }, t.memberLink, el('span', { class: 'sr', text: ` ${t.newTab}` }))));
    this.live = el('div', { class: 'sr', 'aria-live': 'polite', role: 'status' });
    container.append(this.live);
    this.root.replaceChildren(this.styleNode(), container);
    this.resultsNode = results;
  }

  form(d, titleId) {
    const t = this.t;
    const form = el('form', { part: 'form', 'aria-labelledby': titleId, novalidate: true });
    const fs = el('fieldset', {}, el('legend', { class: 'sr', text: d.question }));
    const name = `agora-${d.id}`;
    if (d.kind === 'SCALE') {
      const box = el('div', { class: 'scale', role: 'presentation' });
      for (let v = d.scaleMin; v <= d.scaleMax; v += d.scaleStep || 1) {
        const id = `${name}-v${v}`;
        const extra = v === d.scaleMin && d.scaleLowLabel ? d.scaleLowLabel : v === d.scaleMax && d.scaleHighLabel ? d.scaleHighLabel : null;
        box.append(el('label', { class: 'opt', for: id, part: 'option' },
          el('input', { type: 'radio', id, name, value: String(v), 'aria-label': extra ? `${v} · ${extra}` : String(v) }), el('span', { text: String(v) })));
      }
      fs.append(box);
      if (d.scaleLowLabel || d.scaleHighLabel) fs.append(el('div', { class: 'ends', 'aria-hidden': 'true' }, el('span', { text: d.scaleLowLabel || '' }), el('span', { text: d.scaleHighLabel || '' })));
    } else {
      const type = d.kind === 'MULTIPLE' ? 'checkbox' : 'radio';
      for (const o of d.options) {
        if (o.other) continue;
        const id = `${name}-o${o.id}`;
        fs.append(el('label', { class: 'opt', for: id, part: 'option' },
          el('input', { type, id, name, value: String(o.id) }), el('span', { text: o.label })));
      }
    }
    const submit = el('button', { type: 'submit', part: 'submit', text: t.vote });
    form.append(fs, submit);
    form.addEventListener('submit', (ev) => { ev.preventDefault(); this.vote(form, submit); });
    return form;
  }

  async vote(form, submit) {
    const d = this.data; const t = this.t;
    const chosen = [...form.querySelectorAll('input:checked')].map((i) => Number(i.value));
    const body = {};
    if (d.kind === 'SCALE') {
      if (chosen.length !== 1) return this.note(t.chooseOne, true);
      body.value = chosen[0];
    } else {
      const min = d.kind === 'MULTIPLE' ? Math.max(1, d.minChoices) : 1;
      const max = d.kind === 'MULTIPLE' ? d.maxChoices : 1;
      if (chosen.length < min || chosen.length > max) return this.note(max === 1 ? t.chooseOne : t.chooseBetween(min, max), true);
      body.options = chosen;
    }
    submit.disabled = true; submit.textContent = t.voting;
    try {
      let res = await this.send(body, false);
      if (res.status === 401) { store.del(this.tokenKey); res = await this.send(body, true); }
      const problem = res.ok ? null : await res.json().catch(() => ({}));
      if (res.ok) {
        this.data = await res.json();
        this.message = { text: t.thanks };
        this.render();
        this.announce();
      } else if (res.status === 429) {
        this.note(t.tooFast(res.headers.get('Retry-After') || '60'), true);
      } else if (problem && problem.code === 'embed.alreadyVoted') {
        this.message = null; await this.load();
      } else if (res.status === 404 || res.status === 409) {
        this.message = null; await this.load();
      } else {
        this.note((problem && problem.detail) || t.voteFailed, true);
      }
    } catch (e) {
      this.note(t.voteFailed, true);
    } finally {
      if (submit.isConnected) { submit.disabled = false; submit.textContent = t.vote; }
    }
  }

  async send(body, fresh) {
    let token = fresh ? null : store.get(this.tokenKey);
    if (!token) {
      const r = await fetch(this.api('/voter-token'), { method: 'POST', headers: { Accept: 'application/json' }, credentials: 'include' });
      if (!r.ok) return r;
      token = (await r.json()).token;
      store.set(this.tokenKey, token);
    }
    return fetch(this.api(`/ballots?arguments=${this.hasAttribute('show-arguments')}`), {
      method: 'POST', credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...body, token }),
    });
  }

  note(text, error) {
    this.message = { text, error };
    const old = this.root.querySelector('.c > p[role="alert"], .c > p.note');
    const p = el('p', { class: error ? 'msg err note' : 'msg note', role: error ? 'alert' : 'status', part: 'message', text });
    if (old) old.replaceWith(p); else this.root.querySelector('.c').insertBefore(p, this.resultsNode || null);
  }

  labels() {
    const d = this.data;
    if (d.kind === 'SCALE') {
      const out = [];
      for (let v = d.scaleMin; v <= d.scaleMax; v += d.scaleStep || 1) out.push([String(v), String(v)]);
      return out;
    }
    if (d.kind === 'FORECAST') {
      return Object.keys((d.members && d.members.counts) || {}).concat(Object.keys((d.readers && d.readers.counts) || {}))
        .filter((v, i, a) => a.indexOf(v) === i).sort((a, b) => a - b).map((v) => [v, `${v} %`]);
    }
    return d.options.map((o) => [String(o.id), o.label]);
  }

  fillResults(box) {
    const d = this.data; const t = this.t;
    box.replaceChildren();
    if (d.resultsHidden) {
      const key = d.resultsHidden.endsWith('afterClose') ? 'hiddenAfterClose' : d.resultsHidden.endsWith('moderators') ? 'hiddenModerators' : 'hiddenAfterVoting';
      box.append(el('p', { class: 'msg', part: 'message', text: t[key] }));
      return;
    }
    const section = (title, tally, cls) => {
      const s = el('section', { class: cls, 'aria-label': title });
      const n = tally ? tally.voters : 0;
      s.append(el('h3', {}, el('span', { text: title }), el('small', { text: n ? t.votes(n) : t.noVotes })));
      if (n) {
        for (const [key, label] of this.labels()) {
          const c = (tally.counts && tally.counts[key]) || 0;
          const p = pct(c, n);
          s.append(el('div', { class: 'row' },
            el('div', { class: 'lab' }, el('span', { text: label }), el('span', { text: `${p} % (${c})` })),
            el('div', { class: 'track', 'aria-hidden': 'true' }, el('div', { class: 'bar', part: 'bar', style: `width:${p}%` }))));
        }
      }
      return s;
    };
    if (d.anonymousVoting || (d.readers && d.readers.voters)) box.append(section(t.readers, d.readers, 'r'));
    box.append(section(t.members, d.members, 'm'));
  }

  debate(d) {
    const t = this.t;
    const box = el('div', { class: 'debate' });
    if (d.stances && d.stances.length) {
      box.append(el('h3', { text: t.bySide, style: 'font-size:.95em;margin:.8rem 0 .3rem' }));
      const labels = Object.fromEntries(this.answerKeys());
      for (const g of d.stances) {
        let text = `${t[g.side] || g.side}: ${t.votes(g.voters)}`;
        if (g.voters && g.shown) {
          const top = Object.entries(g.counts).sort((a, b) => b[1] - a[1])[0];
          if (top && top[1] > 0) text += ` · ${t.leading}: ${labels[top[0]] || top[0]} (${pct(top[1], g.voters)} %)`;
        } else if (g.voters) text += ` · ${t.tooSmall}`;
        box.append(el('p', { class: 'side', text }));
      }
    }
    for (const side of ['PRO', 'CON']) {
      const a = d.arguments && d.arguments[side];
      if (a) {
        box.append(el('blockquote', { class: 'arg', cite: a.url }, el('b', { text: t.topArgument(side) }), a.excerpt, ' ',
          el('a', { href: a.url, target: '_blank', rel: 'noopener', part: 'link', text: '→' , 'aria-label': t.debate })));
      }
    }
    if (d.threadUrl) box.append(el('p', { class: 'links' }, el('a', { href: d.threadUrl, target: '_blank', rel: 'noopener', part: 'link', text: t.debate })));
    return box;
  }

  answerKeys() {
    const d = this.data;
    if (d.kind === 'SCALE') return this.labels().map(([v, l]) => [`v${v}`, l]);
    if (d.kind === 'FORECAST') return ['1–24 %', '25–49 %', '50–74 %', '75–99 %'].map((l, i) => [`q${i}`, l]);
    return d.options.map((o) => [`o${o.id}`, o.label]);
  }

  announce() {
    if (!this.live || !this.data || this.data.resultsHidden) return;
    const d = this.data; const t = this.t;
    const part = (title, tally) => {
      if (!tally || !tally.voters) return `${title}: ${t.noVotes}.`;
      const top = this.labels().map(([k, l]) => [l, (tally.counts[k] || 0)]).sort((a, b) => b[1] - a[1])[0];
      return `${title}: ${t.votes(tally.voters)}, ${top[0]} ${pct(top[1], tally.voters)} %.`;
    };
    this.live.textContent = `${t.updated} ${d.anonymousVoting ? part(t.readers, d.readers) + ' ' : ''}${part(t.members, d.members)}`;
  }

  /* Live results: Server-Sent Events, reconnecting with backoff (1 s … 60 s); polling every 20 s while it is down. */
  startLive() {
    if (this.source || !this.data || this.data.status !== 'OPEN') return;
    if (typeof EventSource === 'undefined') { this.startPolling(); return; }
    const source = new EventSource(this.api('/events'));
    this.source = source;
    source.addEventListener('open', () => { this.retry = 0; this.stopPolling(); });
    source.addEventListener('tally', (ev) => {
      let tally = {};
      try { tally = JSON.parse(ev.data); } catch (e) { /* refetch */ }
      if (tally.members && this.data && !this.data.resultsHidden) {
        this.data.members = tally.members;
        this.data.readers = tally.readers;
        if (this.resultsNode) this.fillResults(this.resultsNode);
        this.announce();
      } else {
        this.load();
      }
    });
    source.addEventListener('error', () => {
      source.close();
      this.source = null;
      this.retry = Math.min(this.retry + 1, 7);
      if (this.retry >= 2) this.startPolling();
      const delay = Math.min(60000, 1000 * 2 ** (this.retry - 1)) * (0.75 + Math.random() / 2);
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = setTimeout(() => this.startLive(), delay);
    });
  }

  startPolling() {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => this.load(), 20000);
  }

  stopPolling() { clearInterval(this.pollTimer); this.pollTimer = null; }

  stopLive() {
    if (this.source) { this.source.close(); this.source = null; }
    clearTimeout(this.reconnectTimer);
    this.stopPolling();
  }

  /* In Agora's own iframe page: tell the host page our height (see the README for the host's snippet). */
  watchSize() {
    if (window.parent === window || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    this.resizer = new ResizeObserver(() => {
      const height = Math.ceil(this.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: 'agora-poll:resize', poll: this.pollId, height }, '*');
      }
    });
    this.resizer.observe(this);
  }
}

if (!customElements.get('agora-poll')) customElements.define('agora-poll', AgoraPoll);
