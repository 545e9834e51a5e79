/** The seed's PHP `$postFields` for PlayVoice (the demo company's numbers and group), with a real token. */
export function seedPlayVoiceFields(token: string): Record<string, string> {
  return {
    service: 'App.Sip_Call.PlayVoice',
    token,
    voicetype: '2',
    destnumber: '13333333333',
    voicefile: 'wwww.baidu.com/test.mp3',
    chengshudu: '1',
    userid: '1@extGroup-1',
    disnumber: '13333333333',
    customuuid: '13333333333',
  };
}
