// Where the ebb-segments template's columns go on ChartMogul (`migrate templates ebb-segments --system chartmogul` prints it): nowhere.
import { wholeKindNotApplicable } from './vocabulary.js';

export const ebbSegmentsMapping = wholeKindNotApplicable('ebb-segments', 'ChartMogul has no event-based billing segments: usage is priced and billed by the billing system');
