/**
 * The page VICIdial's list functions (sounds, music on hold, voicemail,
 * in-groups) answer with: a chooser meant for a frame of the admin screen,
 * whose rows hand the chosen id to the parent page's field `comments`.
 * Lines without the last newline; the page starts with an empty line, as
 * VICIdial prints it.
 */
export function selectFramePage(heading: readonly string[], rows: readonly string[]): string {
  return [...selectFrameHead(), '<td width=30>#</td>', ...heading, '</tr>', ...rows, '</table></div></body></HTML>'].join('\n');
}

/** Rows alternate between two greys, odd rows the darker. */
export const rowColour = (number: number): string => (number % 2 === 1 ? 'bgcolor="#E6E6E6"' : 'bgcolor="#F6F6F6"');

/**
 * A chooser row's first two cells: its number, and the id as the link that
 * hands it to the parent page's field `field`.
 */
export const chooserRowStart = (number: number, id: string, field: string): string[] => [
  `<tr ${rowColour(number)}><td width=30><font size=1 face="Arial,Helvetica">${number}</td>`,
  `<td colspan=2><a href="javascript:choose_file('${id}','${field}');"><font size=2 face="Arial,Helvetica">${id}</a></td>`,
];

/** The page's lines down to its table's first row, opened: its header cells follow. */
export const selectFrameHead = (): string[] => [
  '',
  '<HTML><head><title>NON-AGENT API</title>',
  '<script language="Javascript">',
  'function choose_file(filename,fieldname)',
  '\t{',
  '\tif (filename.length > 0)',
  '\t\t{',
  '\t\tparent.document.getElementById(fieldname).value = filename;',
  "\t\tdocument.getElementById(\"selectframe\").innerHTML = '';",
  "\t\tdocument.getElementById(\"selectframe\").style.visibility = 'hidden';",
  '\t\tparent.close_chooser();',
  '\t\t}',
  '\t}',
  'function close_file()',
  '\t{',
  "\tdocument.getElementById(\"selectframe\").innerHTML = '';",
  "\tdocument.getElementById(\"selectframe\").style.visibility = 'hidden';",
  '\tparent.close_chooser();',
  '\t}',
  '</script>',
  '</head>',
  '',
  '<body>',
  '<a href="javascript:close_file();"><font size=1 face="Arial,Helvetica">close frame</font></a>',
  '<div id=\'selectframe\' style="height:400px;width:710px;overflow:scroll;">',
  '<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>',
];
