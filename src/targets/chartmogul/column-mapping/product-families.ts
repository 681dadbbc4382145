// Where the product-families template's columns go on ChartMogul (`migrate templates product-families --system chartmogul` prints it): nowhere.
import { wholeKindNotApplicable } from './vocabulary.js';

export const productFamiliesMapping = wholeKindNotApplicable('product-families', 'ChartMogul has no product families: plans stand alone in the data source');
