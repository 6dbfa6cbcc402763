// The admin API, with the token from the tab's session. Every failure becomes
// an ApiError with the server's own message (or a network error, thrown as is).

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `The server answered ${status}.`);
    this.status = status;
    this.body = body;
  }
}

async function call(session, method, path, body) {
  const response = await fetch(`/v1/admin/orgs/${encodeURIComponent(session.org)}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${session.token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const signIn = (session) => call(session, 'GET', '');
export const loadScript = (session, widget) => call(session, 'GET', `/scripts/${widget}`);
export const publish = (session, widget, version) => call(session, 'POST', `/scripts/${widget}/versions`, version);
export const makeLive = (session, widget, number) => call(session, 'PUT', `/scripts/${widget}/live`, { number });
