/**
 * The extensions.conf both servers run: the oracle-* contexts of the golden
 * traces (pbx-sim's built-in dialplan), a context that enters the Stasis
 * application from the dialplan, and the far end the trunk reaches.
 */
export const DIFFERENTIAL_DIALPLAN = `[general]
static = yes
writeprotect = yes

[oracle-answer]
exten => _X.,1,NoOp(\${CONTEXT} \${EXTEN})
 same => n,Answer()
 same => n,Echo()
 same => n,Hangup()

[oracle-wait]
exten => _X.,1,Answer()
 same => n,Wait(3600)

[oracle-ring]
exten => _X.,1,Ringing()
 same => n,Wait(60)

[oracle-busy]
exten => _X.,1,Busy(5)

[oracle-congestion]
exten => _X.,1,Congestion(5)

[demo-playback]
exten => _X.,1,Answer()
 same => n,Playback(hello-world)
 same => n,Hangup()

[oracle-stasis]
exten => _X.,1,NoOp()
 same => n,Stasis(diff,\${EXTEN},second)
 same => n,Hangup()
`;
