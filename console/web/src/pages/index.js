// One import per feature page (each module registers itself with page(...) from registry.js).
// Keep one line per page so that features added in parallel merge without conflict.
import './alarms.js';
import './supervision.js';
import './routing.js';
import './rosters.js';
import './deliveries.js';
import './filings.js';
import './cleaning.js';
