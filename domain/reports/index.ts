/** Reports (DOMAIN §5): Biểu 06/VPCP/KSTT as pure arithmetic over dossier facts or pre-counted cells. */
export * from './form06.ts';
export * from './form06-aggregates.ts';
export * from './form06-layout.ts';
export * from './form06-rows.ts';
