// The accessibility sweep (support/accessibility-sweep.ts) in English; Persian and the checks of
// the sweep's list of pages are in accessibility.test.ts.
import { describeEveryPage } from "./support/accessibility-sweep";

describeEveryPage("en");
