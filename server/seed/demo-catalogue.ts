import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { CatalogueEntry, type Decision, publishVersion } from '../../domain/catalogue/index.ts';

/**
 * The seed catalogue ships as drafts: a province publishes procedures by its own decision. The demo publishes
 * them with this made-up decision so that the portal and the desk have something to work with.
 */
export const DEMO_PUBLICATION: Decision = {
  action: 'published',
  number: 'DEMO/QĐ-UBND',
  date: '2025-07-01',
  issuer: 'Ủy ban nhân dân Thành phố Hà Nội (quyết định mẫu của bản demo, không phải văn bản thật)',
};

export const demoCatalogue = () =>
  SEED_CATALOGUE.map((raw) => {
    const entry = CatalogueEntry.parse(raw);
    return { ...entry, version: publishVersion(entry.version, DEMO_PUBLICATION).published };
  });
