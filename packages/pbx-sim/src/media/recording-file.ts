/**
 * The bytes of a stored recording. The simulated far end is silent, so a
 * file is silence of the recorded length in the recording's format
 * (8 kHz, 16-bit mono PCM for WAV).
 */
const SAMPLE_RATE = 8000;

export function recordingFile(format: string, durationMs: number): { contentType: string; data: Buffer } {
  const samples = Math.max(0, Math.floor((durationMs * SAMPLE_RATE) / 1000));
  switch (format) {
    case 'wav':
    case 'WAV':
    case 'wav16':
      return { contentType: 'audio/wav', data: wav(samples, format === 'wav16' ? 16000 : SAMPLE_RATE, format === 'wav16' ? 2 : 1) };
    case 'gsm':
      // 33 bytes per 20 ms frame.
      return { contentType: 'audio/gsm', data: Buffer.alloc(Math.ceil(samples / 160) * 33) };
    case 'ulaw':
    case 'ul':
    case 'mu':
    case 'pcm':
      return { contentType: 'audio/basic', data: Buffer.alloc(samples, 0xff) };
    case 'alaw':
    case 'al':
    case 'alw':
      return { contentType: 'audio/x-alaw-basic', data: Buffer.alloc(samples, 0xd5) };
    case 'ogg':
      return { contentType: 'audio/ogg', data: Buffer.alloc(Math.ceil(samples / 8)) };
    default:
      return { contentType: 'application/octet-stream', data: Buffer.alloc(samples * 2) };
  }
}

function wav(samples: number, rate: number, rateFactor: number): Buffer {
  const dataBytes = samples * 2 * rateFactor;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  return buffer;
}
