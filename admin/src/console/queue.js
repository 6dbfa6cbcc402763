// Changes made at the door (ticks, walk-ins), kept on the phone until the
// server has them: a door with a flaky connection loses nothing. The queue
// lives in localStorage (per organisation), so a reload or a closed tab
// keeps it too; it is sent in order whenever the browser is online again.
//
// Both kinds are safe to send twice: the server keeps a tick's first time
// and finds a walk-in again by the key made for it here.

import { presence, addWalkIn, ApiError } from '../api.js';

const RETRY_MS = 10000;

export class DoorQueue {
  /** `onChange()` after any change to the queue; `onSent(item, answer)` with the server's answer. */
  constructor(session, onChange, onSent) {
    this.session = session;
    this.onSent = onSent;
    this.key = `bondgenoot-door-${session.org}`;
    this.onChange = onChange;
    this.sending = false;
    this.offline = false;
    this.refused = [];
    this.timer = 0;
    this.stopped = false;
    this.memory = null;
    this.online = () => this.flush();
    window.addEventListener('online', this.online);
  }

  /** Stops listening (the organiser left the door view or signed out). */
  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.online);
    clearTimeout(this.timer);
  }

  items() {
    try {
      const kept = localStorage.getItem(this.key);
      if (kept !== null) return JSON.parse(kept);
    } catch (e) { /* blocked: the copy in memory */ }
    return this.memory ? [...this.memory] : [];
  }

  save(items) {
    // In memory too: where localStorage is full or blocked, the changes still
    // wait here while the page is open.
    this.memory = items;
    try {
      if (items.length) localStorage.setItem(this.key, JSON.stringify(items));
      else localStorage.removeItem(this.key);
    } catch (e) { /* kept in memory */ }
  }

  /** Adds a change and tries to send everything. */
  add(item) {
    const items = this.items();
    // A newer tick for the same person replaces the older one.
    const kept = item.kind === 'tick' ? items.filter((i) => !(i.kind === 'tick' && i.signup === item.signup)) : items;
    kept.push(item);
    this.save(kept);
    this.onChange();
    return this.flush();
  }

  async send(item) {
    if (item.kind === 'tick') return presence(this.session, item.signup, item.present, item.at);
    return addWalkIn(this.session, item.cafe, item.name, item.key);
  }

  /** Sends the kept changes in order; stops at the first that cannot get through. */
  async flush() {
    if (this.sending || this.stopped) return;
    this.sending = true;
    clearTimeout(this.timer);
    try {
      while (!this.stopped) {
        const [item] = this.items();
        if (!item) { this.offline = false; break; }
        try {
          const answer = await this.send(item);
          this.onSent?.(item, answer);
        } catch (e) {
          if (e instanceof ApiError && e.status === 401) {
            // Kept for after signing in again; no retries with a refused token.
            this.stop();
            this.onUnauthorized?.();
            break;
          }
          const retry = !(e instanceof ApiError) || e.status >= 500 || [408, 429].includes(e.status);
          if (retry) {
            this.offline = !(e instanceof ApiError);
            if (!this.stopped) this.timer = setTimeout(() => this.flush(), RETRY_MS);
            break;
          }
          // Refused for good (the signup was deleted, the café is gone): say so, go on.
          this.refused.push(e.message);
        }
        this.save(this.items().filter((i) => i.id !== item.id));
        this.onChange();
      }
    } finally {
      this.sending = false;
      if (!this.stopped) this.onChange();
    }
  }
}
