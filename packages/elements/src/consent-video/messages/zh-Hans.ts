/**
 * Simplified Chinese messages of consent-video. The translation is ours (machine-assisted, from the English and
 * French catalogs), to be reviewed by a native speaker.
 */
import type { ConsentVideoMessages } from './en.js';

const zhHans: ConsentVideoMessages = {
  notice:
    '此视频托管于 {provider}。播放会加载 {provider} 的播放器，它可能在您的设备上存储 Cookie，并得知您观看了此视频。在您选择播放之前，不会加载任何内容。',
  play: '播放视频（{provider}）',
  remember: '在此设备上记住我对 {provider} 的选择',
  forget: '忘记我对 {provider} 的选择',
  player: '{title}（{provider} 播放器）',
  untitled: '视频',
  unavailable: '无法显示此视频。',
};
export default zhHans;
