/**
 * Generators of hostile inputs for the adversarial bench: text shaped to make a scanner slow or
 * hungry (long runs of escapes, keyword floods, one enormous line, encodings nested in
 * encodings). Each is deterministic for a given size, so runs compare across commits. Secrets that
 * a shape plants to check that nothing is lost are made at run time by the shared secret factory
 * (format-valid fakes).
 */
import { ALPHABETS, Random } from './random.js';

/** `unit` repeated to exactly `size` characters. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Percent-encode every byte of `text` (what form encoders do to anything outside [A-Za-z0-9]). */
export function percentEncodeAll(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** application/x-www-form-urlencoded, as browsers write it. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/**
 * A browser's HAR capture of a login to an ASP.NET WebForms page: a few ordinary requests, then a
 * POST whose URL-encoded form body carries a view state of `bodyBytes` (base64, so every `+`, `/`
 * and `=` is escaped) and, at its end, the credentials the user typed. The password is `secret`.
 */
export function harWithFormBody(bodyBytes: number, secret: string): string {
  const rng = new Random('hostile-har');
  // Form encoding turns `+` and `/` (2 of the 64 base64 characters) into three characters each.
  const viewState = rng.chars(Math.max(0, Math.round((bodyBytes - 4500) / (1 + 4 / 64))), ALPHABETS.base64);
  const fields: [string, string][] = [
    ['__EVENTTARGET', ''],
    ['__EVENTARGUMENT', ''],
    ['__VIEWSTATE', viewState],
    ['__VIEWSTATEGENERATOR', 'C2EE9ABB'],
    ['__EVENTVALIDATION', rng.chars(4096, ALPHABETS.base64)],
    ['ctl00$Main$txtUserName', 'alice@example.com'],
    ['ctl00$Main$txtPassword', secret],
    ['ctl00$Main$btnLogin', 'Sign in'],
  ];
  const body = fields.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');
  const header = (name: string, value: string): { name: string; value: string } => ({ name, value });
  const get = (url: string): unknown => ({
    startedDateTime: '2024-05-02T09:14:03.120Z',
    time: 41,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [header('Accept', 'text/html')], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    cache: {},
    timings: { send: 0, wait: 40, receive: 1 },
  });
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [{ startedDateTime: '2024-05-02T09:14:03.100Z', id: 'page_1', title: 'https://portal.internal.example/Login.aspx', pageTimings: {} }],
      entries: [
        get('https://portal.internal.example/Login.aspx'),
        get('https://portal.internal.example/css/site.css?v=3.2.1'),
        {
          startedDateTime: '2024-05-02T09:14:09.512Z',
          time: 230,
          request: {
            method: 'POST',
            url: 'https://portal.internal.example/Login.aspx',
            httpVersion: 'HTTP/1.1',
            headers: [header('Content-Type', 'application/x-www-form-urlencoded'), header('Origin', 'https://portal.internal.example')],
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: body.length,
            postData: { mimeType: 'application/x-www-form-urlencoded', text: body, params: [] },
          },
          response: { status: 302, statusText: 'Found', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '/Default.aspx', headersSize: -1, bodySize: 0 },
          cache: {},
          timings: { send: 1, wait: 228, receive: 1 },
        },
      ],
    },
  };
  return JSON.stringify(har, null, 2);
}

/**
 * One long run of percent escapes (of random printable text, so it decodes to readable text that
 * holds stray `%` signs of its own), `size` characters, on a `token=` line.
 */
export function percentRun(size: number): string {
  const rng = new Random('hostile-percent');
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const plain = rng.chars(Math.ceil(size / 3), printable);
  return `token=${percentEncodeAll(plain).slice(0, size - 6)}`;
}

/** Base64 of readable text that names credentials (so every value is decoded and searched again), on one line. */
export function base64Line(size: number): string {
  const rng = new Random('hostile-base64-line');
  const words = ['password', 'secret', 'token', 'api_key', 'user', 'host', 'port'];
  let plain = '';
  while (plain.length < (size * 3) / 4) plain += `${rng.pick(words)}=${rng.chars(rng.int(8, 40), ALPHABETS.base62)}; `;
  return `secret=${Buffer.from(plain).toString('base64')}`.slice(0, size);
}

/** One short base64 value per line after a credential word: a decode for every line. */
export function base64Lines(size: number): string {
  const rng = new Random('hostile-base64-lines');
  const lines: string[] = [];
  let length = 0;
  while (length < size) {
    const inner = `password=${rng.chars(rng.int(10, 30), ALPHABETS.base62)}`;
    const line = `token: ${Buffer.from(inner).toString('base64')}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, size);
}

/**
 * Secrets wrapped in encodings six levels deep (base64 and percent-encoding in turn), one per
 * line after a credential word; the innermost is `secret`, so the engine's depth limit decides
 * what is found.
 */
export function nestedEncodings(size: number, secret: string): string {
  const rng = new Random('hostile-nested');
  const lines: string[] = [];
  let length = 0;
  while (length < size) {
    let value = `password=${rng.chars(16, ALPHABETS.base62)} ${secret}`;
    for (let level = 0; level < 6; level++) value = level % 2 === 0 ? Buffer.from(value).toString('base64') : percentEncodeAll(value);
    const line = `secret: ${value}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, size);
}

/**
 * A minified bundle: `size` characters on one line of code fragments, credential words, URLs and
 * embedded base64 assets, with no newline anywhere.
 */
export function minifiedLine(size: number): string {
  const rng = new Random('hostile-minified');
  const parts = [
    () => `var ${rng.chars(2, ALPHABETS.lower)}=function(${rng.chars(1, ALPHABETS.lower)}){return ${rng.chars(1, ALPHABETS.lower)}.token||null};`,
    () => `headers:{Authorization:"Bearer "+${rng.chars(1, ALPHABETS.lower)}.accessToken},`,
    () => `password:"",secret:void 0,apiKey:process.env.API_KEY,`,
    () => `url:"https://api.example.com/v1/items?page=${rng.int(1, 99)}&sort=asc",`,
    () => `src:"data:image/png;base64,${rng.chars(rng.int(200, 2000), ALPHABETS.base64)}",`,
    () => `"${rng.chars(rng.int(4, 12), ALPHABETS.lower)}":"${rng.chars(rng.int(8, 40), ALPHABETS.base62)}",`,
  ];
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const part = rng.pick(parts)();
    out.push(part);
    length += part.length;
  }
  return out.join('').slice(0, size);
}
