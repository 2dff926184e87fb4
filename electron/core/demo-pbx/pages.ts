// HTML pages as an Apache/PHP server in front of VitalPBX answers them: clients must survive
// HTML where they expected JSON.

const TITLES: Record<number, [string, string]> = {
  403: ['Forbidden', "You don't have permission to access this resource."],
  404: ['Not Found', 'The requested URL was not found on this server.'],
  500: [
    'Internal Server Error',
    'The server encountered an internal error or misconfiguration and was unable to complete your request.',
  ],
};

export function apachePage(status: number): string {
  const [title, text] = TITLES[status] ?? ['Error', 'An error occurred.'];
  return (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n' +
    `<html><head>\n<title>${status} ${title}</title>\n</head><body>\n<h1>${title}</h1>\n` +
    `<p>${text}</p>\n</body></html>\n`
  );
}
