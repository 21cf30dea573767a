import en from '../../../public/_locales/en/messages.json' with { type: 'json' };
import ja from '../../../public/_locales/ja/messages.json' with { type: 'json' };
import { registerStrings } from './translate.ts';

/** Extension pages (popup, options, interstitial, report, history) carry every string. */
registerStrings({ en, ja });
