// The public /v1 API, used exactly as a phone app uses it: a device token as bearer, the chosen language in
// Accept-Language, problem+json errors shown in their own plain words.

const DEVICE_KEY = 'gehoord.device';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

export const api = {
  language: 'nl',

  deviceToken() {
    return localStorage.getItem(DEVICE_KEY);
  },

  forgetDevice() {
    localStorage.removeItem(DEVICE_KEY);
  },

  async request(method, path, { body, headers = {}, auth = true, raw = false } = {}) {
    const h = { 'Accept-Language': this.language, ...headers };
    if (body !== undefined) {
      h['Content-Type'] = 'application/json';
    }
    if (auth) {
      const token = await this.ensureDevice();
      h.Authorization = 'Bearer ' + token;
    }
    const response = await fetch(path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (response.status === 401 && auth) {
      // The install was removed (erased, logged out elsewhere, or cleaned up): start as a new device.
      this.forgetDevice();
    }
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
      throw new ApiError(response.status, problem);
    }
    if (raw) {
      return response;
    }
    if (response.status === 204) {
      return null;
    }
    return response.json();
  },

  /** Registers this browser as an app install once; the token is kept on this device only. */
  async ensureDevice() {
    let token = this.deviceToken();
    if (token) {
      return token;
    }
    const created = await this.request('POST', '/v1/devices', {
      body: { platform: 'web', locale: this.language },
      auth: false,
    });
    token = created.deviceToken;
    localStorage.setItem(DEVICE_KEY, token);
    return token;
  },

  async setDeviceLanguage(language) {
    this.language = language;
    if (this.deviceToken()) {
      try {
        await this.request('PUT', '/v1/devices/me', { body: { locale: language } });
      } catch (ignored) {
        // the language still applies to this page; the device setting follows next time
      }
    }
  },

  texts() { return this.request('GET', '/v1/app-texts', { auth: false }); },
  flow() { return this.request('GET', '/v1/flow', { auth: false }); },
  glossary() { return this.request('GET', '/v1/glossary', { auth: false }); },
  helpContacts() { return this.request('GET', '/v1/help-contacts', { auth: false }); },
  regions() { return this.request('GET', '/v1/regions', { auth: false }); },

  createCase(body, idempotencyKey) {
    return this.request('POST', '/v1/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } });
  },
  cases() { return this.request('GET', '/v1/cases'); },
  caseDetail(id) { return this.request('GET', '/v1/cases/' + encodeURIComponent(id)); },
  messages(id, after) {
    return this.request('GET', '/v1/cases/' + encodeURIComponent(id) + '/messages?after=' + (after || 0));
  },
  postMessage(id, text) {
    return this.request('POST', '/v1/cases/' + encodeURIComponent(id) + '/messages', { body: { text } });
  },
  claim(caseCode) { return this.request('POST', '/v1/cases/claim', { body: { caseCode } }); },
  visit(id) { return this.request('POST', '/v1/cases/' + encodeURIComponent(id) + '/visit-request'); },
  otherTrustPerson(id) {
    return this.request('POST', '/v1/cases/' + encodeURIComponent(id) + '/other-trust-person');
  },
  withdraw(id) { return this.request('POST', '/v1/cases/' + encodeURIComponent(id) + '/withdraw'); },
  exportCase(id) { return this.request('GET', '/v1/cases/' + encodeURIComponent(id) + '/export', { raw: true }); },
  complaint(id) { return this.request('GET', '/v1/cases/' + encodeURIComponent(id) + '/complaint'); },
  answerComplaint(id, answers) {
    return this.request('PUT', '/v1/cases/' + encodeURIComponent(id) + '/complaint', { body: answers });
  },
  approveComplaint(id, version) {
    return this.request('POST', '/v1/cases/' + encodeURIComponent(id) + '/complaint/approval', { body: { version } });
  },
  complaintLetter(id) {
    return this.request('GET', '/v1/cases/' + encodeURIComponent(id) + '/complaint/letter.pdf', { raw: true });
  },
  erase(id) { return this.request('DELETE', '/v1/cases/' + encodeURIComponent(id)); },
  feedback(id, score, text) {
    const body = { score };
    if (text) {
      body.text = text;
    }
    return this.request('POST', '/v1/cases/' + encodeURIComponent(id) + '/feedback', { body });
  },
  deleteDevice() { return this.request('DELETE', '/v1/devices/me'); },
};

/** A fresh Idempotency-Key (the contract: 8-128 of A-Z a-z 0-9 _ . : -). */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}
