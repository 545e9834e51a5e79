/**
 * Where a company downloads a recording: the configured template with the
 * company's recording host and the file's name, each path segment of the name
 * URL-encoded so that a name cannot leave its path or add a query.
 */
export function recordingUrl(template: string, downloadIp: string, recordFilename: string): string {
  const path = recordFilename.split('/').map(encodeURIComponent).join('/');
  return template.replace('{downloadip}', downloadIp).replace('{recordfilename}', path);
}
