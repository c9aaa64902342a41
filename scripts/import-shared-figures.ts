/**
 * One-off import of the collected figures in `/work/shared/data/figures.csv`
 * (and of three figures of the seed report the collection missed) into the
 * month files `data/months/YYYY-MM.csv`. Kept as a record of provenance: how
 * each raw row became a figure of the dataset. The build does not run it.
 *
 *   node scripts/import-shared-figures.ts [path/to/figures.csv]
 *
 * Rules applied (values, URLs and publication dates are never changed; as-of
 * dates only where AS_OF_FIXES dates an undated restatement as its original):
 * - each row goes to the month file of its publication month (`published`),
 *   or of its as-of month when the source shows no publication date;
 * - `metric_id` is renamed to the kebab-case id of `data/indicators.json`
 *   (IDS), except the rows whose wording puts them in another indicator (ROW_IDS);
 * - the publisher is taken from the bracket that ends `source_title`, or from
 *   the URL host when there is none (PUBLISHERS, HOST_PUBLISHERS); the bracket is
 *   removed from the title. `source_publisher` is the name only, `source_publisher_en`
 *   its English name where it differs; the edition is not part of the name, and
 *   where or when the figure was announced, or whom the page cites, goes in the note;
 * - `quote` is the collected sentence without its `EN:`/`DE:`/`JA:` prefix and
 *   without the collector's [bracket] notes (QUOTE_FIXES where that is not enough);
 *   the prefix gives `quote_language`; `quote_translated` is `yes` when the
 *   publisher is a translated edition (TRANSLATED_EDITIONS), not when the outlet
 *   writes in English itself (ORIGINAL_ENGLISH);
 * - `qualifier` is what the source writes on the recorded number ("hơn", "gần",
 *   "over", "rund"…): read by `findValueInQuote`, then confirmed by hand for every
 *   row in QUALIFIERS (the script stops if the two ever differ without a reason in
 *   QUALIFIER_OVERRIDES);
 * - `as_of_inferred` is set when the collector's bracket says the as-of date
 *   (or its year) was inferred, approximated or is uncertain, or by EXTRA_INFERRED;
 * - `total` comes from an explicit "[total: N]" bracket or from the "x/y",
 *   "x out of y" wording of the quote (listed in TOTALS below);
 * - `period`, `break` and `same_date` come from PERIODS, BREAKS and SAME_DATE;
 * - notes are written here, in both languages; a collector's bracket is never
 *   copied into a quote: what is worth keeping of it is said in a note.
 * At the end the dataset is validated as the build validates it, and the way
 * the build relates figures for one indicator and date is checked against
 * EXPECTED_SAME_DATE.
 */
import { parse } from 'csv-parse/sync';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateDataset, formatIssue } from '../src/lib/data/load.ts';
import { MONTH_COLUMNS } from '../src/lib/data/month-file.ts';
import { findValueInQuote, qualifiersAgree } from '../src/lib/data/quote.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';
import { buildSeries, figuresOf } from '../src/lib/data/series.ts';
import type { Qualifier, SameDateRelation } from '../src/lib/data/types.ts';

interface RawRow {
  metric_id: string;
  metric_label_vi: string;
  value: string;
  unit: string;
  as_of: string;
  published: string;
  source_title: string;
  source_url: string;
  quote: string;
}

interface Note {
  vi: string;
  en: string;
}

/** The columns this import wrote; later columns of the contract (corrections) are for maintainers' new rows. */
const IMPORTED_COLUMNS = MONTH_COLUMNS.filter((c) => c !== 'correction' && c !== 'correction_en');
type OutRow = Record<(typeof IMPORTED_COLUMNS)[number], string>;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUT = process.argv[2] ?? '/work/shared/data/figures.csv';
const SEED = '/work/shared/seeds/000_6df033ea9a43e407.txt';
const DATA_DIR = join(ROOT, 'data');
const MONTHS_DIR = join(DATA_DIR, 'months');
const CATALOGUE = join(DATA_DIR, 'indicators.json');

/** The month-file columns, from the data contract itself. */
const COLUMNS: readonly (keyof OutRow)[] = IMPORTED_COLUMNS;

/** Working id of the collection → id of the dataset. */
const IDS: Readonly<Record<string, string>> = {
  admin_procedures_data_cut_list: 'admin-procedures-data-cut-list',
  admin_procedures_simplified: 'admin-procedures-simplified',
  aml_accounts_cleaned: 'aml-accounts-cleaned',
  bank_accounts_biometric_collected: 'bank-accounts-biometric-collected',
  bank_accounts_cleaned_chip_id: 'bank-accounts-cleaned-chip-id',
  bank_cif_biometric: 'bank-cif-biometric',
  bank_customer_profiles_biometric: 'bank-customer-profiles-biometric',
  bank_dead_accounts_removed: 'bank-dead-accounts-removed',
  bank_org_biometric: 'bank-org-records-biometric',
  banks_linked_vneid_ssa: 'banks-linked-vneid-welfare-accounts',
  business_regulations_cut: 'business-regulations-cut',
  cancuoc_cards_6to14: 'cancuoc-cards-6to14',
  cancuoc_cards_issued_since_2024_07: 'cancuoc-cards-issued-since-2024-07',
  cancuoc_cards_under6: 'cancuoc-cards-under6',
  cashless_welfare_amount: 'cashless-welfare-amount',
  cashless_welfare_recipients: 'cashless-welfare-recipients',
  cccd_applications_received: 'cccd-applications-received',
  cccd_cards_issued: 'cccd-cards-issued',
  cccd_cards_printed: 'cccd-cards-printed',
  cic_customers_authenticated: 'cic-customers-authenticated',
  cic_offline_records_matched: 'cic-offline-records-matched',
  credit_inst_c06_data_cleaning: 'credit-institutions-c06-data-cleaning',
  credit_inst_chip_app: 'credit-institutions-chip-id-app',
  credit_inst_chip_reader_counter: 'credit-institutions-chip-id-counter',
  credit_inst_online_unsecured_loans: 'credit-institutions-online-unsecured-loans',
  credit_inst_vneid: 'credit-institutions-vneid',
  credit_inst_vneid_live: 'banking-units-vneid-live',
  criminal_record_vneid_applications: 'criminal-record-vneid-applications',
  criminal_record_vneid_applications_hanoi: 'criminal-record-vneid-applications-hanoi',
  criminal_record_vneid_applications_hue: 'criminal-record-vneid-applications-hue',
  criminal_record_vneid_applications_pilot: 'criminal-record-vneid-applications-pilot',
  dna_martyr_relatives_analyzed: 'dna-martyr-relatives-analyzed',
  dna_martyr_relatives_samples: 'dna-martyr-relatives-samples',
  dna_martyr_relatives_provinces: 'dna-martyr-relatives-provinces',
  dna_samples: 'cancuoc-dna-samples',
  ehealth_integrated_vneid: 'ehealth-integrated-vneid',
  ehealth_records_created: 'ehealth-records-created',
  eid_accounts_activated: 'eid-accounts-activated',
  eid_accounts_level2_activated: 'eid-accounts-level2-activated',
  eid_applications_approved: 'eid-applications-approved',
  eid_applications_processed: 'eid-applications-processed',
  eid_applications_received: 'eid-applications-received',
  eid_foreigner_accounts_activated: 'eid-foreigner-accounts-activated',
  eid_foreigner_accounts_issued: 'eid-foreigner-accounts-issued',
  eid_foreigner_applications: 'eid-foreigner-applications',
  eid_org_accounts: 'eid-org-accounts',
  essential_services_full_online: 'essential-services-full-online',
  essential_services_provided: 'essential-services-provided',
  full_online_services_pct: 'full-online-services-rate',
  health_depts_hdbank_kiosks: 'health-depts-hdbank-kiosks',
  interlinked_procedures_running: 'interlinked-procedures-running',
  hi_facilities_chip_id: 'hi-facilities-chip-id',
  hi_facilities_synced_vneid: 'hi-facilities-synced-vneid',
  hi_lookups_chip_id: 'hi-lookups-chip-id',
  hi_patients_chip_id: 'hi-patients-chip-id',
  localities_upgraded_interlinked_services: 'localities-upgraded-interlinked-services',
  ministries_upgraded_interlinked_services: 'ministries-upgraded-interlinked-services',
  mps_online_passport_pct: 'mps-online-passport-rate',
  mps_online_public_services: 'mps-online-public-services',
  mps_online_residence_pct: 'mps-online-residence-rate',
  national_day_gift_disbursed: 'national-day-gift-disbursed',
  ndsp_online_dossiers: 'national-portal-online-dossiers',
  ndsp_online_payment_transactions: 'national-portal-payment-transactions',
  ndsp_online_payment_value: 'national-portal-payment-value',
  ndsp_online_services: 'national-portal-online-services',
  ndsp_registered_accounts: 'national-portal-accounts',
  online_dossier_rate_localities: 'online-dossier-rate-localities',
  online_dossier_rate_ministries: 'online-dossier-rate-ministries',
  online_unsecured_loans_disbursed: 'online-unsecured-loans-disbursed',
  payment_intermediaries_chip_app: 'payment-intermediaries-chip-id-app',
  payment_intermediaries_vneid: 'payment-intermediaries-vneid',
  pension_beneficiaries_total: 'pension-beneficiaries',
  pension_via_account_urban_pct: 'pension-via-account-urban-rate',
  pensioners_paid_via_account: 'pensioners-paid-via-account',
  personal_id_numbers_issued: 'personal-id-numbers-issued',
  popdb_verification_requests: 'popdb-verification-requests',
  population_db_records_processed: 'popdb-records-processed',
  population_db_records_synced: 'popdb-records-synced',
  project06_tasks_behind_schedule: 'project06-tasks-behind-schedule',
  project06_tasks_year: 'project06-tasks-of-year',
  provinces_fee_cut_resolutions: 'provinces-fee-cut-resolutions',
  public_service_annual_saving: 'online-services-savings',
  sbv_admin_procedures_cut: 'sbv-admin-procedures-cut',
  vneid_admin_fines_processed: 'vneid-admin-fines-processed',
  vneid_driving_licenses_integrated: 'vneid-driving-licenses-integrated',
  vneid_hi_cards_integrated: 'vneid-hi-cards-integrated',
  vneid_new_utilities_since_2024_07: 'vneid-new-utilities-since-2024-07',
  vneid_monthly_uses: 'vneid-monthly-uses',
  vneid_reexam_appointments: 'vneid-reexam-appointments',
  vneid_referral_papers: 'vneid-referral-papers',
  vneid_social_insurance_integrated: 'vneid-social-insurance-integrated',
  vneid_social_security_payments: 'vneid-welfare-account-payments',
  vneid_utilities: 'vneid-utilities',
  vneid_vehicle_registrations_integrated: 'vneid-vehicle-registrations-integrated',
  voice_biometric_samples: 'cancuoc-voice-samples',
  vss_citizens_matched_popdb: 'vss-citizens-matched-popdb',
  vss_linked_procedures_records: 'vss-interlinked-procedure-records',
  vss_records_shared_popdb: 'vss-records-shared-popdb',
};

/**
 * Rows whose own wording puts them in another indicator than the rest of their
 * working id. `bank_cif_biometric` joined four wordings; only figures the source
 * calls individual customer records, "cá nhân" or CIF stay in `bank-cif-biometric`.
 * `dna_martyr_relatives_samples` joined a count of people (the seed) with counts
 * of samples; only the samples stay in `dna-martyr-relatives-samples`.
 */
const ROW_IDS: Readonly<Record<string, string>> = {
  // "thu nhận ADN cho 204 thân nhân liệt sĩ": people, not samples (seed report)
  'dna_martyr_relatives_samples@2024-07@seed': 'dna-martyr-relatives-people',
  // "more than 63.6 million customer files" (Lao Động, English edition)
  'bank_cif_biometric@2025-01@news.laodong.vn': 'bank-customer-profiles-biometric',
  // "hơn 108 triệu hồ sơ khách hàng" (Doanh nhân ngày nay)
  'bank_cif_biometric@2025-04@doanhnhanngaynay.com': 'bank-customer-profiles-biometric',
  // "113 million customer records" (Ministry of Public Security, English portal)
  'bank_cif_biometric@2025-06-02@en.bocongan.gov.vn': 'bank-customer-profiles-biometric',
  // "over 124 million bank accounts" (vietnam.vn, English edition)
  'bank_cif_biometric@2025-08-15@www.vietnam.vn': 'bank-accounts-biometric-verified',
};

/** A quote that stays in `bank-cif-biometric` must say so; one moved out must not. */
const CIF_WORDING = /cá nhân|\bCIFs?\b|individual/iu;

/**
 * Who published a source: the name only, as the publisher writes it (`source_publisher`),
 * its English name where it differs (`source_publisher_en`: ministries and agencies;
 * newspapers keep their own name in both languages), and, as a note in both
 * languages, what the collector's bracket says of where or when the figure was
 * announced or whom the page cites or republishes. The edition (English,
 * Japanese, German…) is not part of the name: the build derives it from
 * `quote_language` and `quote_translated`.
 */
interface Publisher {
  name: string;
  en?: string;
  note?: Note;
}

/** Notes on where the figure was announced or what the page republishes (see PUBLISHERS). */
const P = {
  twoYears: {
    vi: 'Công bố tại hội nghị tổng kết 2 năm Đề án 06.',
    en: 'Announced at the conference reviewing two years of Project 06.',
  },
  sbvReport: {
    vi: 'Theo báo cáo của Ngân hàng Nhà nước gửi Kỳ họp thứ 9, Quốc hội khóa XV.',
    en: 'According to the State Bank’s report to the 9th session of the 15th National Assembly.',
  },
  sbvQ3: {
    vi: 'Công bố tại họp báo quý III/2025 của Ngân hàng Nhà nước.',
    en: 'Announced at the State Bank’s Q3/2025 press conference.',
  },
  bankingDay: {
    vi: 'Công bố tại Ngày Chuyển đổi số ngành Ngân hàng, 29/5/2025.',
    en: 'Announced at the Banking Digital Transformation Day, 29 May 2025.',
  },
  review2023: {
    vi: 'Công bố tại hội nghị sơ kết 6 tháng chuyển đổi số quốc gia và Đề án 06 ngày 12/7/2023.',
    en: 'Announced at the six-month review conference on national digital transformation and Project 06, 12 July 2023.',
  },
  meeting20250213: {
    vi: 'Công bố tại phiên họp Tổ công tác ngày 13/2/2025.',
    en: 'Announced at the Working Group meeting of 13 February 2025.',
  },
  meeting20240807: {
    vi: 'Phiên họp diễn ra chiều 7/8/2024.',
    en: 'The meeting was held on the afternoon of 7 August 2024.',
  },
  dispatch201: {
    vi: 'Theo Công điện 201/CĐ-TTg.',
    en: 'According to Official Dispatch 201/CĐ-TTg.',
  },
  citingVietnamPlus: { vi: 'Bài dẫn lại VietnamPlus.', en: 'Citing VietnamPlus.' },
  fromDanTri: { vi: 'Bài đăng lại từ Dân trí.', en: 'Republished from Dân trí.' },
  fromSggp: { vi: 'Bài đăng lại từ SGGP.', en: 'Republished from SGGP.' },
  mirror: {
    vi: 'Trang sao chép bản tin về một cuộc họp báo của Chính phủ.',
    en: 'A mirror of a report on a Government press conference.',
  },
  tienPhong: { vi: 'Bản dịch một bài của Tiền Phong.', en: 'A translation of a Tiền Phong article.' },
} as const satisfies Record<string, Note>;

const MPS: Publisher = { name: 'Bộ Công an', en: 'Ministry of Public Security' };
const VSS: Publisher = { name: 'Bảo hiểm xã hội Việt Nam', en: 'Viet Nam Social Security' };

/** Bracket at the end of a source title → publisher. */
const PUBLISHERS: Readonly<Record<string, Publisher>> = {
  'VnEconomy; Công điện 201/CĐ-TTg': { name: 'VnEconomy', note: P.dispatch201 },
  'CAND EN': { name: 'CAND' },
  'Biometric Update, citing Vietnam+': { name: 'Biometric Update', note: P.citingVietnamPlus },
  'Lao Động, bản tiếng Nhật; họp báo NHNN quý III/2025': { name: 'Lao Động', note: P.sbvQ3 },
  'Security Today': { name: 'Security Today' },
  'VietNamNet EN': { name: 'VietNamNet' },
  'mirror of Government press conference report': { name: 'thethao247news.com', note: P.mirror },
  'Lao Động EN': { name: 'Lao Động' },
  'Lao Động, English edition': { name: 'Lao Động' },
  'Doanh nhân ngày nay; báo cáo NHNN gửi Kỳ họp thứ 9 QH khóa XV': { name: 'Doanh nhân ngày nay', note: P.sbvReport },
  'vietnam.vn EN; Ngày Chuyển đổi số ngành Ngân hàng 29/5/2025': { name: 'vietnam.vn', note: P.bankingDay },
  'MPS EN': MPS,
  'vietnam.vn EN': { name: 'vietnam.vn' },
  'vietnam.vn EN, from SGGP': { name: 'vietnam.vn', note: P.fromSggp },
  'vietnam.vn EN, SBV Q3/2025 press conference': { name: 'vietnam.vn', note: P.sbvQ3 },
  'vietnam.vn EN; hội nghị sơ kết 6 tháng chuyển đổi số quốc gia và Đề án 06, 12/7/2023': {
    name: 'vietnam.vn',
    note: P.review2023,
  },
  'vietnam.vn DE': { name: 'vietnam.vn' },
  'NHNN – sbv.gov.vn': { name: 'Ngân hàng Nhà nước Việt Nam', en: 'State Bank of Vietnam' },
  'tin về phiên họp chiều 7/8/2024; tài liệu gốc của dự án': {
    name: 'Tổ công tác triển khai Đề án 06',
    en: 'Project 06 Working Group',
    note: P.meeting20240807,
  },
  VnExpress: { name: 'VnExpress' },
  'VOV EN': { name: 'VOV' },
  'VietnamPlus EN': { name: 'VietnamPlus' },
  'spress EN': { name: 'spress.net' },
  'OpenGov Asia': { name: 'OpenGov Asia' },
  'Biometric Update': { name: 'Biometric Update' },
  'SGGP EN': { name: 'SGGP' },
  'SGGP English': { name: 'SGGP' },
  'Thanh Niên': { name: 'Thanh Niên' },
  'VSS EN': VSS,
  'Can Tho city portal EN': { name: 'Cổng thông tin điện tử thành phố Cần Thơ', en: 'Can Tho City portal' },
  'An toàn thông tin': { name: 'Tạp chí An toàn thông tin' },
  'Viet Nam News': { name: 'Viet Nam News' },
  'tag page, Viện Kinh tế số': { name: 'Viện Kinh tế số', en: 'Digital Economy Institute' },
  ICTnews: { name: 'ICTnews' },
  Vietbao: { name: 'Vietbao' },
  'Vietbao, from Dân trí': { name: 'Vietbao', note: P.fromDanTri },
  'worldsnewsnow, translation of Tiền Phong': { name: 'worldsnewsnow.com', note: P.tienPhong },
  'Báo Hải Dương EN; họp Tổ công tác 13/2/2025': { name: 'Báo Hải Dương', note: P.meeting20250213 },
  'ANTV; Hội nghị 2 năm Đề án 06': { name: 'ANTV', note: P.twoYears },
  'thongtin.vietnam.vn, bản tiếng Đức': { name: 'thongtin.vietnam.vn' },
  'Nông nghiệp Việt Nam': { name: 'Nông nghiệp Việt Nam' },
};

/** Publisher by URL host, for titles that carry no bracket. */
const HOST_PUBLISHERS: Readonly<Record<string, Publisher>> = {
  'vietnamnet.vn': { name: 'VietNamNet' },
  'dautu.kinhtechungkhoan.vn': { name: 'Đầu tư Chứng khoán' },
  'znews.vn': { name: 'Znews' },
  'www.qdnd.vn': { name: 'Quân đội nhân dân' },
  'vietbao.vn': { name: 'Vietbao' },
};

/**
 * Rows whose own note already says what their publisher's note says (the same
 * meeting, the same translation or mirror): the publisher's note is not repeated.
 */
const PUBLISHER_NOTE_SAID: ReadonlySet<string> = new Set([
  // N.antv: "inferred from the conference reviewing two years of Đề án 06 (21 December 2023) that the article sums up"
  'vneid_driving_licenses_integrated@2023-12@antv.gov.vn',
  'vneid_hi_cards_integrated@2023-12@antv.gov.vn',
  'vneid_social_insurance_integrated@2023-12@antv.gov.vn',
  'vneid_vehicle_registrations_integrated@2023-12@antv.gov.vn',
  // N.sbvQ3: "inferred from the State Bank’s Q3/2025 press conference"
  'aml_accounts_cleaned@2025-09@ja.laodong.vn',
  // N.tet2024: "Figure read in an English translation of a Tiền Phong article."
  'project06_tasks_behind_schedule@2023-11-20@worldsnewsnow.com',
  // "The source is a site republishing a report on the Government press conference."
  'bank_accounts_cleaned_chip_id@2024-07-05@thethao247news.com',
]);

/**
 * Publishers whose pages read in another language than Vietnamese (an `EN:`,
 * `DE:` or `JA:` quote) are translated editions of a Vietnamese original: the
 * English, Japanese or German editions of Vietnamese outlets and state portals,
 * and machine-translated mirrors. `quote_translated` is `yes` for them.
 */
const TRANSLATED_EDITIONS: ReadonlySet<string> = new Set([
  'Lao Động',
  'SGGP',
  'CAND',
  'VOV',
  'VietnamPlus',
  'VietNamNet',
  'vietnam.vn',
  'thongtin.vietnam.vn',
  'Báo Hải Dương',
  'spress.net',
  MPS.name,
  VSS.name,
  'Cổng thông tin điện tử thành phố Cần Thơ',
  'worldsnewsnow.com',
]);

/** Outlets that publish in English themselves: their quotes are originals, not translations. */
const ORIGINAL_ENGLISH: ReadonlySet<string> = new Set(['Biometric Update', 'OpenGov Asia', 'Security Today', 'Viet Nam News']);

/** Titles that the collection abbreviated or that need a fuller form. */
const TITLE_FIXES: Readonly<Record<string, string>> = {
  "New Government's Working Group on Project 06 ... convenes first meeting":
    "New Government's Working Group on Project 06, administrative procedure reform and digital transformation convenes first meeting",
};

/**
 * Figures of the seed report (July 2024 Working Group meeting, reported on
 * 7 August 2024) that the collection missed. Cited exactly like the other seed
 * rows; each quote is checked to stand, word for word, in the seed text.
 */
const SEED_FIGURES: ReadonlyArray<Omit<RawRow, 'source_title'>> = [
  {
    metric_id: 'vneid_new_utilities_since_2024_07',
    metric_label_vi: 'Tiện ích mới trên VNeID từ 1/7/2024',
    value: '3',
    unit: 'tiện ích',
    as_of: '2024-07',
    published: '2024-08',
    source_url: '',
    quote:
      'Bên cạnh đó, từ ngày 1/7/2024, Bộ Công an đã cung cấp thêm 3 tiện ích mới, gồm: Đăng ký tạm trú trên VNeID, dịch vụ đồng ý xác thực sinh trắc học và chia sẻ thông tin trên VNeID, triển khai việc xử phạt vi phạm hành chính, tước Giấy phép lái xe trên môi trường điện tử.',
  },
  {
    metric_id: 'dna_martyr_relatives_provinces',
    metric_label_vi: 'Tỉnh đã thu nhận ADN thân nhân liệt sĩ',
    value: '7',
    unit: 'tỉnh',
    as_of: '2024-07',
    published: '2024-08',
    source_url: '',
    quote:
      'Đã triển khai thu nhận ADN cho 204 thân nhân liệt sĩ tại 07 tỉnh: TP. Hà Nội, Nam Định, Hưng Yên; TP. Hồ Chí Minh, Đồng Nai, Đà Nẵng, Quảng Nam',
  },
  {
    metric_id: 'interlinked_procedures_running',
    metric_label_vi: 'Thủ tục hành chính liên thông vận hành từ 1/7/2024',
    value: '2',
    unit: 'thủ tục',
    as_of: '2024-07',
    published: '2024-08',
    source_url: '',
    quote:
      'Đã có 5/5 bộ, ngành và 25/63 địa phương hoàn thành điều chỉnh, nâng cấp hệ thống phục vụ kết nối với phần mềm dịch vụ công liên thông đảm bảo triển khai hiệu quả 2 thủ tục hành chính liên thông hoạt động thông suốt từ ngày 1/7/2024.',
  },
];

/**
 * Quotes that removing the prefix and the brackets does not leave clean: the
 * collector cut the sentence short ("individu[al ...]") or wrote a label before
 * it. The replacement must be a part of the collected text, word for word.
 */
const QUOTE_FIXES: Readonly<Record<string, string>> = {
  // collected text ends "(reaching 100% of the total number of individu[al ...])": cut before the cut-off parenthesis
  'bank_cif_biometric@2025-09-22@www.vietnam.vn':
    'By Online method: more than 128.9 million individual customer records (CIF) have been biometrically verified via chip-embedded CCCD or VNeID application',
  // collected text ends "compared to the beginni[ng of the year]": cut before the cut-off parenthesis
  'mps_online_public_services@2022-06@en.cand.com.vn':
    'over the past six months, the Ministry of Public Security has provided 189 public services',
  // collected as 'Headline (URL slug): "…"': the quote is the headline itself
  'criminal_record_vneid_applications@2024-11-06@news.laodong.vn': 'Hơn 24.000 hồ sơ cấp phiếu lý lịch tư pháp trên VNeID',
};

/** Denominators read in the quote ("x/y", "x out of y"); "[total: N]" brackets are read automatically. */
const TOTALS: Readonly<Record<string, string>> = {
  'admin_procedures_simplified@2023-11@en.cand.com.vn': '1086',
  'admin_procedures_simplified@2024-06@www.biometricupdate.com': '1084',
  'business_regulations_cut@2025-04-30@en.bocongan.gov.vn': '15763',
  'criminal_record_vneid_applications_hanoi@2024-06-14@www.vietnam.vn': '22730',
  'essential_services_full_online@2025-02-13@vietnam.vn': '54',
  'essential_services_provided@2022-11@en.cand.com.vn': '25',
  'essential_services_provided@2023-07-12@vietnam.vn': '53',
  'essential_services_provided@2024-11-06@news.laodong.vn': '76',
  'essential_services_provided@2025-02-13@vietnam.vn': '76',
  'hi_facilities_chip_id@2023-06@thanhnien.vn': '13047',
  'hi_facilities_synced_vneid@2024-10-02@www.cantho.gov.vn': '12693',
  'population_db_records_processed@2021-04-27@en.cand.com.vn': '98713820',
  'sbv_admin_procedures_cut@2025-09-30@ja.laodong.vn': '298',
};

/**
 * The qualifier each source writes on the recorded number, confirmed by reading
 * every quote ('' = the number is given exactly). The comment shows the words
 * before the number. Where the quote qualifies another number of the sentence
 * ("More than 1 million … accounts, 200,000 driving licenses"), ours stays exact.
 */
const QUALIFIERS: Readonly<Record<string, Qualifier | ''>> = {
  'admin_procedures_data_cut_list@2025-10-20@vneconomy.vn': '', // …rà soát đối với 734
  'admin_procedures_simplified@2023-11@en.cand.com.vn': '', // … far simplified 437
  'admin_procedures_simplified@2024-06@www.biometricupdate.com': '', // …ive procedures, 763
  'aml_accounts_cleaned@2025-09@ja.laodong.vn': '', // …の普及を助長するデータベース内の1億4800万
  'bank_accounts_biometric_collected@2024-09-15@securitytoday.in': 'about', // …r approximately 38 million
  'bank_accounts_biometric_collected@2024-10@vietnamnet.vn': 'more-than', // …mentation, over 38 million
  'bank_accounts_cleaned_chip_id@2024-07-05@thethao247news.com': '', // …c công dân được 19 triệu
  'bank_cif_biometric@2025-01@news.laodong.vn': 'more-than', // …lone, more than 63.6 million
  'bank_cif_biometric@2025-04@doanhnhanngaynay.com': 'more-than', // … nay, đã có hơn 108 triệu
  'bank_cif_biometric@2025-05-29@www.vietnam.vn': 'more-than', // …5 ... more than 113 million
  'bank_cif_biometric@2025-06-02@en.bocongan.gov.vn': '', // …So far, 113 million
  'bank_cif_biometric@2025-06-27@www.vietnam.vn': 'more-than', // …e 27, more than 119 million
  'bank_cif_biometric@2025-07-04@vietnamnet.vn': 'more-than', // … 4/7, đã có hơn 120,9 triệu
  'bank_cif_biometric@2025-07-04@sbv.gov.vn': 'more-than', // …2025, đã có hơn 120,9 triệu
  'bank_cif_biometric@2025-08-15@dautu.kinhtechungkhoan.vn': 'more-than', // …rắc học cho hơn 123,9 triệu
  'bank_cif_biometric@2025-08-15@www.vietnam.vn': 'more-than', // …mation for over 124 million
  'bank_cif_biometric@2025-08-15@znews.vn': 'more-than', // …rắc học cho hơn 123,9 triệu
  'bank_cif_biometric@2025-09-22@www.vietnam.vn': 'more-than', // …thod: more than 128.9 million
  'bank_cif_biometric@2025-10-10@news.laodong.vn': 'more-than', // …2025, more than 132.4 million
  'bank_customer_profiles_biometric@2024-07@seed': '', // …nh trắc học của 26,3 triệu
  'bank_dead_accounts_removed@2025-06-27@www.vietnam.vn': 'nearly', // …minating nearly 86 million
  'bank_org_biometric@2025-05-29@www.vietnam.vn': 'more-than', // …s and more than 711,000
  'bank_org_biometric@2025-06-27@www.vietnam.vn': 'more-than', // …more than 1.1 million
  'bank_org_biometric@2025-07-04@vietnamnet.vn': 'more-than', // …hơn 1,2 triệu
  'bank_org_biometric@2025-08-15@znews.vn': 'more-than', // …chức, đã có hơn 1,3 triệu
  'bank_org_biometric@2025-10-10@news.laodong.vn': 'more-than', // …more than 1.4 million
  'banks_linked_vneid_ssa@2025-08-28@vnexpress.net': '', // …t ngày 28/8, có 18
  'banks_linked_vneid_ssa@2025-09-05@english.vov.vn': '', // …e list includes 28
  'business_regulations_cut@2025-04-30@en.bocongan.gov.vn': '', // … of April 2025, 3,241
  'cancuoc_cards_6to14@2024-10-07@news.laodong.vn': 'nearly', // …nearly 4.03 million
  'cancuoc_cards_issued_since_2024_07@2024-10-07@news.laodong.vn': 'more-than', // …ssued more than 9.58 million
  'cancuoc_cards_issued_since_2024_07@2024-10-07@vietnam.vn': 'more-than', // …Over 9.58 million
  'cancuoc_cards_issued_since_2024_07@2024-11-06@news.laodong.vn': 'more-than', // …ssued more than 4 million
  'cancuoc_cards_issued_since_2024_07@2025-06-02@en.bocongan.gov.vn': '', // …... and, 17.1 million
  'cancuoc_cards_under6@2024-10-07@news.laodong.vn': 'more-than', // …uding more than 3.17 million
  'cancuoc_cards_under6@2024-11-06@news.laodong.vn': 'more-than', // …which more than 1.7 million
  'cashless_welfare_amount@2024-07@seed': 'more-than', // …ng số tiền trên 8,2 nghìn tỷ
  'cashless_welfare_recipients@2024-07@seed': 'more-than', // …ền mặt cho trên 1,9 triệu
  'cccd_applications_received@2021-04-27@en.vietnamplus.vn': '', // …sed ID cards of 33.9 million
  'cccd_applications_received@2021-04-27@www.qdnd.vn': '', // …3 địa phương là 33.920.141
  'cccd_applications_received@2021-06-01@en.spress.net': '', // …ne of receiving 50 million
  'cccd_cards_issued@2021-09-30@opengovasia.com': 'about', // …ad issued about 45 million
  'cccd_cards_issued@2022-12-31@www.biometricupdate.com': '', // …ency had issued 76.5 million
  'cccd_cards_issued@2023-06-19@en.sggp.org.vn': 'more-than', // …ssued more than 80.5 million
  'cccd_cards_issued@2025-06-02@en.bocongan.gov.vn': '', // …rity has issued 87 million
  'cccd_cards_printed@2021-10-06@thanhnien.vn': 'about', // …n và trả khoảng 45 triệu
  'cccd_cards_printed@2022-01@vietbao.vn': 'more-than', // …ệc in, trả trên 50 triệu
  'cccd_cards_printed@2022-01-18@vietbao.vn': 'nearly', // … địa phương gần 60 triệu
  'cic_customers_authenticated@2023-06@opengovasia.com': '', // …to authenticate 25 million
  'cic_offline_records_matched@2025-08-15@znews.vn': 'about', // …iếu, với khoảng 57 triệu
  'cic_offline_records_matched@2025-10-10@news.laodong.vn': 'about', // …data with about 57 million
  'credit_inst_c06_data_cleaning@2025-08@vietnamnet.vn': '', // …Đến nay, 30
  'credit_inst_chip_app@2025-08-15@thongtin.vietnam.vn': '', // …57
  'credit_inst_chip_app@2025-09-22@www.vietnam.vn': '', // …ember 22, 2025, 57
  'credit_inst_chip_reader_counter@2025-08-15@thongtin.vietnam.vn': '', // …63
  'credit_inst_chip_reader_counter@2025-08-15@znews.vn': '', // …Hiện có 63
  'credit_inst_chip_reader_counter@2025-09-22@www.vietnam.vn': '', // …63
  'credit_inst_online_unsecured_loans@2024-07@seed': '', // …có 38
  'credit_inst_vneid@2024-07@seed': '', // …đã có 22
  'credit_inst_vneid@2025-08-15@thongtin.vietnam.vn': '', // …32
  'credit_inst_vneid@2025-09-22@www.vietnam.vn': '', // …r 22, 2025, ... 32
  'credit_inst_vneid_live@2025-09-22@www.vietnam.vn': '', // …ation, of which 19
  'criminal_record_vneid_applications@2024-11-06@news.laodong.vn': 'more-than', // …URL slug): "Hơn 24.000
  'criminal_record_vneid_applications_hanoi@2024-06-14@www.vietnam.vn': '', // …ce had received 11,449
  'criminal_record_vneid_applications_hanoi@2024-10-02@www.cantho.gov.vn': 'more-than', // …i received over 45,000
  'criminal_record_vneid_applications_hue@2024-10-02@www.cantho.gov.vn': 'more-than', // …e received over 5,000
  'criminal_record_vneid_applications_pilot@2024-05@en.sggp.org.vn': 'nearly', // …rt time, nearly 5,000
  'dna_martyr_relatives_analyzed@2025-07-20@www.vietnam.vn': '', // …die Analyse von 11.138
  'dna_martyr_relatives_samples@2024-07@seed': '', // …hu nhận ADN cho 204
  'dna_martyr_relatives_samples@2025-06-02@en.bocongan.gov.vn': 'more-than', // …itionally, over 15,000
  'dna_martyr_relatives_samples@2025-07-25@www.vietnam.vn': '', // …iten landesweit 57.273
  'dna_samples@2024-10-07@news.laodong.vn': 'more-than', // …more than 260
  'ehealth_integrated_vneid@2024-10-02@en.sggp.org.vn': 'more-than', // …more than 14.6 million
  'ehealth_integrated_vneid@2024-10-02@www.cantho.gov.vn': '', // …Of these, 14,638,905
  'ehealth_records_created@2024-10-02@en.sggp.org.vn': 'more-than', // … Security, over 32 million
  'ehealth_records_created@2024-10-02@www.cantho.gov.vn': '', // …ation, totaling 32,062,931
  'eid_accounts_activated@2022-11@m.antoanthongtin.vn': 'more-than', // …nh công cho hơn 1,4 triệu
  'eid_accounts_activated@2022-11-07@www.sggpnews.org.vn': 'more-than', // …rent time, over 1.4 million
  'eid_accounts_activated@2023-06-19@en.sggp.org.vn': '', // …Of them, 16.5 million
  'eid_accounts_activated@2023-09@vss.gov.vn': 'more-than', // …024) while over 52.7 million
  'eid_accounts_activated@2025-04-22@news.laodong.vn': 'more-than', // … now, more than 62 million
  'eid_accounts_level2_activated@2025-09-19@news.laodong.vn': 'more-than', // …Activate over 65 million
  'eid_accounts_level2_activated@2025-09-24@www.vietnam.vn': 'more-than', // …Activated over 65 million
  'eid_applications_approved@2022-10-20@www.sggpnews.org.vn': 'more-than', // …ctober 20, over 11.1 million
  'eid_applications_approved@2022-11@m.antoanthongtin.vn': 'more-than', // …điện tử đạt hơn 12,5 triệu
  'eid_applications_approved@2022-11-07@www.sggpnews.org.vn': 'more-than', // …ained more than 12.5 million
  'eid_applications_processed@2025-06-02@en.bocongan.gov.vn': 'more-than', // …processed over 87.1 million
  'eid_applications_received@2022-03@www.sggpnews.org.vn': '', // …d issuance, and 24,211
  'eid_applications_received@2022-07-18@en.vietnamplus.vn': 'nearly', // …received nearly 6 million
  'eid_applications_received@2022-11@m.antoanthongtin.vn': 'more-than', // …năng, trong hơn 13,8 triệu
  'eid_applications_received@2022-11-07@www.sggpnews.org.vn': 'more-than', // …al reached over 13.8 million
  'eid_applications_received@2023-06-19@en.sggp.org.vn': '', // …until now, 37.1 million
  'eid_applications_received@2023-09@vss.gov.vn': '', // …en development, 73.8 million
  'eid_foreigner_accounts_activated@2025-08-19@vietnamnews.vn': '', // … 76.5 per cent (33,601
  'eid_foreigner_accounts_issued@2025-08-19@vietnamnews.vn': '', // … ... by issuing 43,926
  'eid_foreigner_applications@2025-08-19@vietnamnews.vn': '', // …nwide processed 50,809
  'eid_org_accounts@2025-06-02@en.bocongan.gov.vn': 'more-than', // …along with over 300,000
  'eid_org_accounts@2025-09-19@news.laodong.vn': 'more-than', // …issue over 716 thousand
  'essential_services_full_online@2025-02-13@vietnam.vn': '', // … 2024, of which 43
  'essential_services_provided@2022-11@en.cand.com.vn': '', // …he provision of 21
  'essential_services_provided@2023-07-12@vietnam.vn': '', // …Service Portal. 35
  'essential_services_provided@2024-11-06@news.laodong.vn': '', // …implementation, 44
  'essential_services_provided@2025-02-13@vietnam.vn': '', // …s have provided 54
  'full_online_services_pct@2023-04-30@vienkinhteso.vn': 'more-than', // … trình đạt trên 84
  'health_depts_hdbank_kiosks@2024-07@seed': '', // …Sở Y tế của 33
  'hi_facilities_chip_id@2022-11@vss.gov.vn': '', // …022, there were 11,945
  'hi_facilities_chip_id@2022-11@www.sggpnews.org.vn': '', // …ber, there were 11,726
  'hi_facilities_chip_id@2023-02-20@www.sggpnews.org.vn': 'nearly', // …Nearly 12,270
  'hi_facilities_chip_id@2023-06@vss.gov.vn': '', // … ... there were 12,455
  'hi_facilities_chip_id@2023-06@thanhnien.vn': '', // …iển khai, đã có 12.275
  'hi_facilities_chip_id@2023-08-14@vss.gov.vn': '', // …there have been 12,569
  'hi_facilities_synced_vneid@2024-10-02@www.cantho.gov.vn': '', // …12,518
  'hi_lookups_chip_id@2022-11@www.sggpnews.org.vn': 'more-than', // … were more than 4.79 million
  'hi_lookups_chip_id@2023-08-14@vss.gov.vn': '', // …ationwide) with 37,746,383
  'hi_lookups_chip_id@2025-04-15@vss.gov.vn': 'more-than', // …2025, more than 207 million
  'hi_patients_chip_id@2022-11@vss.gov.vn': 'more-than', // …ds reached over 4.2 million
  'hi_patients_chip_id@2023-02-20@vietnamnews.vn': 'nearly', // …Nearly 11.8 million
  'hi_patients_chip_id@2023-02-20@www.sggpnews.org.vn': 'nearly', // …Nearly 11.8 million
  'hi_patients_chip_id@2023-06@thanhnien.vn': '', // …ạt 94,08%), với 18,5 triệu
  'localities_upgraded_interlinked_services@2024-07@seed': '', // …/5 bộ, ngành và 25
  'ministries_upgraded_interlinked_services@2024-07@seed': '', // …Đã có 5
  'mps_online_passport_pct@2023-04@en.cand.com.vn': '', // …88,2
  'mps_online_public_services@2022-06@en.cand.com.vn': '', // …ty has provided 189
  'mps_online_public_services@2023-07-12@vietnam.vn': '', // …tor has brought 227
  'mps_online_residence_pct@2022-11@en.cand.com.vn': '', // …y registration (98.3
  'mps_online_residence_pct@2023-04@en.cand.com.vn': '', // …including 98,9
  'national_day_gift_disbursed@2025-08-31@vietnamnews.vn': '', // … a total of VND 5.687 trillion
  'national_day_gift_disbursed@2025-09-02@thanhnien.vn': 'nearly', // …Kho bạc đạt gần 10.429 tỉ
  'ndsp_online_dossiers@2021-11-23@ictnews.vietnamnet.vn': 'more-than', // …hơn 2,3 triệu
  'ndsp_online_dossiers@2022-07@vietbao.vn': 'more-than', // …hơn 4,1 triệu
  'ndsp_online_dossiers@2023-07-12@vietnam.vn': '', // …on accounts and 20.7 million
  'ndsp_online_dossiers@2025-02-13@vietnam.vn': 'more-than', // …eived more than 30.6 million
  'ndsp_online_payment_transactions@2025-02-13@vietnam.vn': 'more-than', // …s and more than 17 million
  'ndsp_online_payment_value@2021-11-23@ictnews.vietnamnet.vn': 'more-than', // …ng số tiền trên 500 tỷ
  'ndsp_online_payment_value@2022-07@vietbao.vn': 'more-than', // …với số tiền hơn 2,2 nghìn tỷ
  'ndsp_online_payment_value@2025-02-13@vietnam.vn': 'more-than', // …h more than VND 10 trillion
  'ndsp_online_services@2021-11-23@ictnews.vietnamnet.vn': '', // …h hợp, cung cấp 3.200
  'ndsp_online_services@2022-07@vietbao.vn': '', // …gia đã cung cấp 3.680
  'ndsp_online_services@2024-06@www.biometricupdate.com': '', // …vides access to 4,510
  'ndsp_registered_accounts@2021-11-23@ictnews.vietnamnet.vn': 'more-than', // …3 và 4, với hơn 1,2 triệu
  'ndsp_registered_accounts@2022-07@vietbao.vn': 'more-than', // …hơn 2,1 triệu
  'ndsp_registered_accounts@2023-07-12@vietnam.vn': 'nearly', // …ed, with nearly 8 million
  'online_dossier_rate_localities@2025-02-13@vietnam.vn': '', // …alities reached 56
  'online_dossier_rate_ministries@2025-02-13@vietnam.vn': '', // …ranches reached 59.57
  'online_unsecured_loans_disbursed@2024-07@seed': '', // … khai giải ngân 239 nghìn tỷ
  'payment_intermediaries_chip_app@2025-08-15@english.vov.vn': '', // …nstitutions and 39
  'payment_intermediaries_chip_app@2025-09-22@ja.laodong.vn': '', // …に、57の信用機関(TCTD)と39
  'payment_intermediaries_vneid@2024-07@seed': '', // …hức tín dụng và 13
  'payment_intermediaries_vneid@2025-08-15@english.vov.vn': '', // …anks along with 15
  'payment_intermediaries_vneid@2025-09-22@ja.laodong.vn': '', // …32のTCTDと15
  'pension_beneficiaries_total@2022-12@www.sggpnews.org.vn': 'nearly', // …ntry has nearly 3.3 million
  'pension_beneficiaries_total@2024-04@vss.gov.vn': 'more-than', // …ficiaries (over 3.3 million
  'pension_via_account_urban_pct@2022-12@www.sggpnews.org.vn': 'about', // …urrently, about 61
  'pensioners_paid_via_account@2024-07@seed': 'more-than', // …Đã có trên 1,8 triệu
  'personal_id_numbers_issued@2022-06@vietbao.vn': 'more-than', // …n hành cấp trên 98,5 triệu
  'popdb_verification_requests@2025-08@www.biometricupdate.com': 'more-than', // …More than 2.1 billion
  'population_db_records_processed@2021-04-27@en.cand.com.vn': '', // …sed the data of 85,157,192
  'population_db_records_synced@2021-04-27@www.qdnd.vn': '', // …bộ vào hệ thống 98.713.820
  'project06_tasks_behind_schedule@2023-11-20@worldsnewsnow.com': '', // ….. Referring to 27
  'project06_tasks_behind_schedule@2025-02-13@baohaiduong.vn': '', // …there are still 38
  'project06_tasks_year@2025-02-13@baohaiduong.vn': '', // …2025, there are 136
  'provinces_fee_cut_resolutions@2024-07@seed': '', // …Đến nay, 63
  'public_service_annual_saving@2023-07-12@vietnam.vn': 'more-than', // …ng to save over 2,500 billion
  'public_service_annual_saving@2024-11-06@news.laodong.vn': '', // …aving the state 2,505 billion
  'sbv_admin_procedures_cut@2025-09-30@ja.laodong.vn': '', // …手続き(TTHC)298件のうち124
  'vneid_admin_fines_processed@2024-07@seed': 'more-than', // …nhật, xử lý hơn 20 nghìn
  'vneid_driving_licenses_integrated@2022-10-20@www.sggpnews.org.vn': '', // …rance accounts, 200,000
  'vneid_driving_licenses_integrated@2023-12@antv.gov.vn': 'more-than', // …ương tiện, trên 10,2 triệu
  'vneid_driving_licenses_integrated@2025-08@www.biometricupdate.com': 'more-than', // … including over 20.2 million
  'vneid_hi_cards_integrated@2022-10-20@www.sggpnews.org.vn': 'more-than', // …More than 1 million
  'vneid_hi_cards_integrated@2023-12@antv.gov.vn': 'nearly', // … xã hội, và gần 16,8 triệu
  'vneid_hi_cards_integrated@2025-08@www.biometricupdate.com': 'more-than', // …more than 26.4 million
  'vneid_monthly_uses@2024-06@www.biometricupdate.com': 'more-than', // … used more than 29 million
  'vneid_reexam_appointments@2024-10-02@www.cantho.gov.vn': '', // …per records and 2,629,117
  'vneid_referral_papers@2024-10-02@www.cantho.gov.vn': '', // … and integrated 911,696
  'vneid_social_insurance_integrated@2023-12@antv.gov.vn': 'nearly', // …hép lái xe, gần 150.000
  'vneid_social_security_payments@2025-08-31@thongtin.vietnam.vn': 'about', // …f sich auf rund 10 Milliarden
  'vneid_social_security_payments@2025-09-24@www.vietnam.vn': 'more-than', // …. To date, over 326.8 billion
  'vneid_utilities@2025-02-10@nongnghiep.vn': '', // …Cung cấp 35
  'vneid_vehicle_registrations_integrated@2023-12@antv.gov.vn': 'more-than', // …ã tích hợp trên 2,2 triệu
  'vneid_vehicle_registrations_integrated@2025-08@www.biometricupdate.com': 'nearly', // …nearly 7.5 million
  'voice_biometric_samples@2024-10-07@news.laodong.vn': 'more-than', // …tion, more than 1,500
  'vss_citizens_matched_popdb@2022-11-30@vss.gov.vn': 'nearly', // …rance of nearly 68 million
  'vss_citizens_matched_popdb@2023-02-20@www.sggpnews.org.vn': '', // …20, the data of 74.4 million
  'vss_citizens_matched_popdb@2023-05-16@vss.gov.vn': '', // …em has verified 83,477,695
  'vss_citizens_matched_popdb@2023-08-14@vss.gov.vn': '', // …em has verified 90,141,567
  'vss_citizens_matched_popdb@2025-04-05@vss.gov.vn': 'more-than', // …cated more than 100.2 million
  'vss_linked_procedures_records@2025-04-15@vss.gov.vn': '', // …S has processed 1,696,378
  'vss_records_shared_popdb@2022-11-30@vss.gov.vn': '', // …shared 62,044,274
  'vss_records_shared_popdb@2023-02-20@www.sggpnews.org.vn': 'nearly', // …d shared nearly 96.3 million
  'vss_records_shared_popdb@2023-05-16@vss.gov.vn': '', // …ed and provided 107,157,011
  'vss_records_shared_popdb@2023-08-14@vss.gov.vn': '', // …ided and shared 130,249,454
  // seed figures the collection missed
  'vneid_new_utilities_since_2024_07@2024-07@seed': '', // …cung cấp thêm 3
  'dna_martyr_relatives_provinces@2024-07@seed': '', // …liệt sĩ tại 07
  'interlinked_procedures_running@2024-07@seed': '', // …triển khai hiệu quả 2
};

/** Rows where the reading above differs from what `findValueInQuote` detects, and why. None at present. */
const QUALIFIER_OVERRIDES: Readonly<Record<string, string>> = {};

/** Period of a figure, when it is not the indicator's own: a text in both languages, or unknown. */
type Period = Note | 'unknown';

const PER_YEAR: Period = { vi: 'mỗi năm', en: 'per year' };

/**
 * Figures whose period differs from the indicator's, or whose source does not
 * say what the total counts from or over ("unknown"): no change is computed
 * across them.
 */
const PERIODS: Readonly<Record<string, Period>> = {
  // "as of the beginning of 2025 alone": may be "since the start of 2025" (see its note)
  'bank_cif_biometric@2025-01@news.laodong.vn': 'unknown',
  // February 2025 Working Group meeting: no period and no start date given
  'ndsp_online_dossiers@2025-02-13@vietnam.vn': 'unknown',
  'ndsp_online_payment_transactions@2025-02-13@vietnam.vn': 'unknown',
  'ndsp_online_payment_value@2025-02-13@vietnam.vn': 'unknown',
  'online_dossier_rate_localities@2025-02-13@vietnam.vn': 'unknown',
  'online_dossier_rate_ministries@2025-02-13@vietnam.vn': 'unknown',
  // "helping to save over 2,500 billion VND annually"
  'public_service_annual_saving@2023-07-12@vietnam.vn': PER_YEAR,
  // "saving the state 2,505 billion VND": per year or in total, the source does not say
  'public_service_annual_saving@2024-11-06@news.laodong.vn': 'unknown',
  // headline only; no scope or start date
  'criminal_record_vneid_applications@2024-11-06@news.laodong.vn': 'unknown',
  // seed report: totals with no start date
  'cashless_welfare_amount@2024-07@seed': 'unknown',
  'cashless_welfare_recipients@2024-07@seed': 'unknown',
  'online_unsecured_loans_disbursed@2024-07@seed': 'unknown',
  'vneid_admin_fines_processed@2024-07@seed': 'unknown',
  // "As of April 15, 2025, VSS has processed 1,696,378 records": no start date
  'vss_linked_procedures_records@2025-04-15@vss.gov.vn': 'unknown',
};

/**
 * Figures that do not continue the series before them (another definition or
 * scope), with the reason: charts draw no line across them, no change is computed.
 */
const BREAKS: Readonly<Record<string, Note>> = {
  'eid_applications_received@2022-07-18@en.vietnamplus.vn': {
    vi: 'Số trước đó (24.211, tháng 3/2022) được nguồn mô tả là số trường hợp đã xử lý, không phải số hồ sơ đã thu nhận.',
    en: 'The previous figure (24,211, March 2022) is described by its source as cases processed, not applications received.',
  },
  'cccd_cards_printed@2022-01-18@vietbao.vn': {
    vi: 'Nguồn này chỉ tính thẻ của các hồ sơ thu nhận trong năm 2021, phạm vi khác các số trước.',
    en: 'This source counts only cards for applications taken in during 2021, a different scope from the earlier figures.',
  },
  'essential_services_provided@2023-07-12@vietnam.vn': {
    vi: 'Danh mục dịch vụ công thiết yếu đổi từ 25 sang 53 dịch vụ.',
    en: 'The list of essential public services changed from 25 to 53 services.',
  },
  'essential_services_provided@2024-11-06@news.laodong.vn': {
    vi: 'Danh mục dịch vụ công thiết yếu đổi từ 53 sang 76 dịch vụ.',
    en: 'The list of essential public services changed from 53 to 76 services.',
  },
  'hi_lookups_chip_id@2025-04-15@vss.gov.vn': {
    vi: 'Số này tính cả tra cứu bằng số định danh cá nhân, không chỉ bằng thẻ CCCD gắn chip: phạm vi rộng hơn các số trước.',
    en: 'This figure also counts look-ups by personal ID number, not only by chip-based ID card: a wider scope than the earlier figures.',
  },
  'vneid_social_security_payments@2025-09-24@www.vietnam.vn': {
    vi: 'Số trước (khoảng 10 tỷ đồng, 31/8/2025) chỉ là tiền quà Quốc khánh chi trả bằng chuyển khoản; số này là tổng tiền đã chi qua các tài khoản, phạm vi khác.',
    en: 'The previous figure (about 10 billion VND, 31 August 2025) is only National Day gift money paid by transfer; this one is the total paid through the accounts, a different scope.',
  },
  'eid_org_accounts@2025-09-19@news.laodong.vn': {
    vi: 'Nguồn này nói hồ sơ đã cấp; nguồn trước (tháng 6/2025) nói hồ sơ đã giải quyết, một bước khác.',
    en: 'This source speaks of records issued; the previous one (June 2025) of records processed, a different step.',
  },
  'bank_accounts_biometric_collected@2024-10@vietnamnet.vn': {
    vi: 'Nguồn này nói tài khoản đã được xác thực sinh trắc học; nguồn trước nói đã thu thập dữ liệu sinh trắc học cho tài khoản, kể cả ví điện tử.',
    en: 'This source speaks of accounts biometrically verified; the previous one of biometric data collected for accounts, e-wallets included.',
  },
  'vneid_hi_cards_integrated@2023-12@antv.gov.vn': {
    vi: 'Cách gọi đổi: nguồn này nói "dữ liệu bảo hiểm y tế" tích hợp trên tài khoản định danh điện tử; nguồn trước (tháng 10/2022, bản tiếng Anh) nói "health insurance accounts" (tài khoản bảo hiểm y tế). Không nguồn nào nói hai cách gọi đếm cùng một thứ.',
    en: 'The wording changes: this source speaks of "dữ liệu bảo hiểm y tế" (health insurance data) integrated into e-ID accounts; the previous one (October 2022, English edition) of "health insurance accounts". No source says the two wordings count the same thing.',
  },
  'vneid_hi_cards_integrated@2025-08@www.biometricupdate.com': {
    vi: 'Cách gọi đổi: nguồn này (viết bằng tiếng Anh) nói "health insurance cards" (thẻ bảo hiểm y tế); nguồn trước (tháng 12/2023) nói "dữ liệu bảo hiểm y tế". Không nguồn nào nói hai cách gọi đếm cùng một thứ.',
    en: 'The wording changes: this source speaks of "health insurance cards"; the previous one (December 2023) of "dữ liệu bảo hiểm y tế" (health insurance data). No source says the two wordings count the same thing.',
  },
  'hi_patients_chip_id@2023-06@thanhnien.vn': {
    vi: 'Nguồn khác: đây là số của ngành công an (qua báo Thanh Niên), đếm "công dân" dùng thẻ CCCD đi khám chữa bệnh; hai số trước là của Bảo hiểm xã hội Việt Nam, đếm "người bệnh" và "người". Không nguồn nào nói hai cơ quan đếm theo cùng một cách.',
    en: 'A different source: this is a police figure (via Thanh Niên) counting "citizens" who used the card for medical care; the two earlier figures come from Viet Nam Social Security and count "patients" and "people". No source says the two agencies count the same way.',
  },
};

/**
 * How a figure relates to an earlier one for the same indicator and date, where
 * the build could not tell by itself (it derives restatement, rounding, revision
 * and disagreement from values and publishers). None is needed at present: every
 * case in EXPECTED_SAME_DATE is derived correctly.
 */
const SAME_DATE: Readonly<Record<string, SameDateRelation>> = {};

/** What the build must conclude for every indicator and date reported more than once. */
const EXPECTED_SAME_DATE: Readonly<Record<string, readonly SameDateRelation[]>> = {
  // 33.920.141 (Quân đội nhân dân) and "33.9 million" (VietnamPlus)
  'cccd-applications-received@2021-04-27': ['rounding'],
  // Viet Nam Social Security 11,945 and SGGP 11,726
  'hi-facilities-chip-id@2022-11': ['disagreement'],
  // police 12.275/13.047 (Thanh Niên) and Viet Nam Social Security 12,455
  'hi-facilities-chip-id@2023-06': ['disagreement'],
  // "nearly 11.8 million" in Viet Nam News and in SGGP
  'hi-patients-chip-id@2023-02-20': ['restatement'],
  // "over 32 million" (SGGP) and 32,062,931 (Can Tho portal)
  'ehealth-records-created@2024-10-02': ['rounding'],
  // "more than 14.6 million" (SGGP) and 14,638,905 (Can Tho portal)
  'ehealth-integrated-vneid@2024-10-02': ['rounding'],
  // Tạp chí An toàn thông tin (undated, see AS_OF_FIXES) restates SGGP's "over 1.4 million", "more than 12.5 million", "over 13.8 million"
  'eid-accounts-activated@2022-11-07': ['restatement'],
  'eid-applications-approved@2022-11-07': ['restatement'],
  'eid-applications-received@2022-11-07': ['restatement'],
  // "more than 9.58 million" in two outlets
  'cancuoc-cards-issued-since-2024-07@2024-10-07': ['restatement'],
  // "hơn 120,9 triệu" from the State Bank and VietNamNet
  'bank-cif-biometric@2025-07-04': ['restatement'],
  // "hơn 123,9 triệu" in Đầu tư Chứng khoán and Znews
  'bank-cif-biometric@2025-08-15': ['restatement'],
  // 63 in vietnam.vn and Znews
  'credit-institutions-chip-id-counter@2025-08-15': ['restatement'],
};

/**
 * As-of dates we give to figures of an undated page that restates another
 * source's figures: the date of that source, so that the build sees the same
 * figures said again (a restatement), not a second date. The script checks that
 * another source gives the same value and qualifier for that date; each row is
 * also in EXTRA_INFERRED and has a note.
 */
const AS_OF_FIXES: Readonly<Record<string, string>> = {
  // Tạp chí An toàn thông tin, undated: the C06 figures SGGP reports for 7 November 2022 (collected as "2022-11")
  'eid_accounts_activated@2022-11@m.antoanthongtin.vn': '2022-11-07',
  'eid_applications_approved@2022-11@m.antoanthongtin.vn': '2022-11-07',
  'eid_applications_received@2022-11@m.antoanthongtin.vn': '2022-11-07',
};

/** As-of dates inferred although the collector's bracket does not say so (each has a note). */
const EXTRA_INFERRED: ReadonlySet<string> = new Set([
  // the page shows no date; dated 7 November 2022 as SGGP's report of the same C06 figures (AS_OF_FIXES)
  'eid_accounts_activated@2022-11@m.antoanthongtin.vn',
  'eid_applications_approved@2022-11@m.antoanthongtin.vn',
  'eid_applications_received@2022-11@m.antoanthongtin.vn',
  // "mid-September 2024" stored as 15 September 2024
  'bank_accounts_biometric_collected@2024-09-15@securitytoday.in',
  // "At present, …": 15 August 2025 is the date of the paragraph before the quote (VOV, 5 September 2025)
  'payment_intermediaries_chip_app@2025-08-15@english.vov.vn',
  'payment_intermediaries_vneid@2025-08-15@english.vov.vn',
  // Biometric Update, September 2025: the quotes give no date; dated August 2025
  'popdb_verification_requests@2025-08@www.biometricupdate.com',
  'vneid_driving_licenses_integrated@2025-08@www.biometricupdate.com',
  'vneid_hi_cards_integrated@2025-08@www.biometricupdate.com',
  'vneid_vehicle_registrations_integrated@2025-08@www.biometricupdate.com',
]);

// --- notes -----------------------------------------------------------------

const N = {
  june2024: {
    vi: 'Ngày số liệu suy ra từ hội nghị về Đề án 06 tháng 6/2024 mà bài viết đưa tin.',
    en: 'As-of date inferred from the June 2024 Đề án 06 conference the article reports on.',
  },
  sbvQ3: {
    vi: 'Ngày số liệu suy ra từ họp báo quý III/2025 của Ngân hàng Nhà nước.',
    en: 'As-of date inferred from the State Bank’s Q3/2025 press conference.',
  },
  threeMonths: {
    vi: 'Ngày số liệu suy ra: nguồn nói "sau ba tháng triển khai", tính từ 1/7/2024.',
    en: 'As-of date inferred: the source says "after three months of implementation", counted from 1 July 2024.',
  },
  early2025: {
    vi: 'Ngày số liệu suy ra từ cụm "as of the beginning of 2025 alone" của bản tiếng Anh. Cụm này cũng có thể có nghĩa là "riêng từ đầu năm 2025" (chỉ tính từ đầu năm, không phải tổng cộng dồn), nên kỳ tính của số liệu được ghi là không rõ; bản tiếng Việt gốc không có trong các nguồn của chúng tôi. Nguồn gọi là "customer files", không nói là hồ sơ khách hàng cá nhân (CIF).',
    en: 'As-of date inferred from the English edition’s "as of the beginning of 2025 alone". The phrase may also mean "since the start of 2025 alone" (counted from the start of the year, not a running total), so the period of the figure is recorded as unknown; the Vietnamese original is not among our sources. The source says "customer files", not individual customer records (CIF).',
  },
  tenMonths: {
    vi: 'Ngày số liệu suy ra: nguồn nói sau 10 tháng triển khai, tính từ 1/7/2024. Nguồn gọi là hồ sơ khách hàng, không nói rõ là hồ sơ khách hàng cá nhân (CIF).',
    en: 'As-of date inferred: the source says after 10 months of implementation, counted from 1 July 2024. It speaks of customer records without saying individual (CIF) records.',
  },
  pilot: {
    vi: 'Ngày số liệu ước định: bài không ghi ngày của số liệu; đợt thí điểm bắt đầu ngày 22/4/2024 và mới chạy được một thời gian ngắn.',
    en: 'Approximate as-of date: the article does not date the figure; the pilot began on 22 April 2024 and had run only a short time.',
  },
  year2022: {
    vi: 'Bài không ghi năm của ngày số liệu; năm 2022 được suy ra từ ngữ cảnh.',
    en: 'The article gives no year for the date; 2022 is inferred from context.',
  },
  decree59: {
    vi: 'Bài không ghi năm; năm 2022 suy ra từ ngày Nghị định 59/2022/NĐ-CP có hiệu lực (20/10/2022).',
    en: 'The article gives no year; 2022 is inferred from the date Decree 59/2022/NĐ-CP took effect (20 October 2022).',
  },
  vssUncertain: {
    vi: 'Ngày ước định, chưa chắc chắn: trang nguồn đề ngày 11/9/2023 nhưng nội dung lại so sánh với "tháng 1/2024", nên số liệu có thể thuộc tháng 9/2023 hoặc đầu năm 2024.',
    en: 'Uncertain as-of date: the source page is dated 11 September 2023, but its text compares with "January 2024", so the figure may belong to September 2023 or early 2024.',
  },
  july2023: {
    vi: 'Bài không ghi năm; năm 2023 suy ra từ nội dung (năm được chọn là Năm Dữ liệu số quốc gia). Ngày là ngày hội nghị sơ kết 6 tháng.',
    en: 'The article gives no year; 2023 is inferred from its content (the year named National Digital Data Year). The date is that of the six-month review conference.',
  },
  publishedJune2023: {
    vi: 'Ngày số liệu suy ra từ ngày đăng bài (tháng 6/2023).',
    en: 'As-of date inferred from the article’s publication date (June 2023).',
  },
  vietbaoJuly2022: {
    vi: 'Ngày số liệu suy ra: bài viết nói "đến nay", nhắc tới "tháng 7 này" và so sánh với năm 2021; trang không ghi ngày đăng.',
    en: 'As-of date inferred: the article says "to date", mentions "this July" and compares with 2021; the page shows no publication date.',
  },
  tet2024: {
    vi: 'Bài không ghi năm; năm 2023 suy ra từ ngữ cảnh (chuẩn bị cho Tết Nguyên đán 2024). Số liệu đọc từ bản dịch tiếng Anh của một bài báo Tiền Phong.',
    en: 'The article gives no year; 2023 is inferred from context (preparations for the 2024 Lunar New Year). Figure read in an English translation of a Tiền Phong article.',
  },
  antv: {
    vi: 'Ngày số liệu suy ra từ Hội nghị đánh giá 2 năm thực hiện Đề án 06 (21/12/2023) mà bài tổng kết; trang không ghi ngày đăng.',
    en: 'As-of date inferred from the conference reviewing two years of Đề án 06 (21 December 2023) that the article sums up; the page shows no publication date.',
  },
  antoanthongtin2022: {
    vi: 'Trang không ghi ngày đăng hay ngày số liệu; chúng tôi ghi ngày 7/11/2022, ngày của bản tin báo SGGP đưa cùng các số liệu này của C06.',
    en: 'The page shows neither a publication date nor a date for the figures; we date them 7 November 2022, the date of SGGP’s report of the same C06 figures.',
  },
  vovAtPresent: {
    vi: 'Ngày số liệu suy ra: câu trích nói "hiện nay" (at present) và không ghi ngày; ngày 15/8/2025 lấy từ đoạn đứng ngay trước trong bài ("As of August 15, 2025"). Bài đăng ngày 5/9/2025, đưa tin thông báo của Ngân hàng Nhà nước cùng ngày.',
    en: 'Inferred as-of date: the quoted sentence says "at present" and gives no date; 15 August 2025 is taken from the paragraph just before it in the article ("As of August 15, 2025"). The article, published on 5 September 2025, reports a State Bank announcement of that day.',
  },
  biometricUpdate2025: {
    vi: 'Ngày số liệu ước định: câu trích không ghi ngày của số liệu. Bài đăng tháng 9/2025; chúng tôi ghi số liệu vào tháng 8/2025, tháng trước ngày đăng, không phải một ngày mà nguồn nêu.',
    en: 'Inferred as-of date: the quoted sentence gives no date for the figure. The article was published in September 2025; we date the figure August 2025, the month before publication, not a date the source gives.',
  },
  level2SameSentence: {
    vi: 'Hai dòng của chỉ số này, của báo Lao Động (ghi ngày 19/9/2025) và của vietnam.vn (ghi ngày 24/9/2025), dẫn cùng một câu, gần như từng chữ (hơn 65 triệu tài khoản mức 2, hơn 716 nghìn hồ sơ định danh cơ quan, tổ chức): hai dòng có thể là cùng một con số được hai trang đưa tin, không phải hai lần đo. Chúng tôi giữ cả hai dòng như đã ghi.',
    en: 'The two rows of this indicator, from Lao Động (dated 19 September 2025) and from vietnam.vn (dated 24 September 2025), quote the same sentence, almost word for word (over 65 million level-2 accounts, over 716 thousand identification records for agencies and organisations): the two rows may be one figure reported by two outlets, not two measurements. We keep both rows as recorded.',
  },
  periodUnstated: {
    vi: 'Nguồn không nói rõ kỳ tính của số liệu (lũy kế hay trong một năm).',
    en: 'The source does not say what period the figure covers (running total or a single year).',
  },
} as const satisfies Record<string, Note>;

/** Notes written for particular rows; several notes for one row are joined. */
const NOTES: Readonly<Record<string, readonly Note[]>> = {
  // as-of dates inferred, approximated or uncertain
  'admin_procedures_simplified@2024-06@www.biometricupdate.com': [N.june2024],
  'aml_accounts_cleaned@2025-09@ja.laodong.vn': [N.sbvQ3],
  'bank_accounts_biometric_collected@2024-10@vietnamnet.vn': [N.threeMonths],
  'bank_cif_biometric@2025-01@news.laodong.vn': [N.early2025],
  'bank_cif_biometric@2025-04@doanhnhanngaynay.com': [N.tenMonths],
  'criminal_record_vneid_applications_pilot@2024-05@en.sggp.org.vn': [N.pilot],
  'eid_accounts_activated@2022-11-07@www.sggpnews.org.vn': [N.year2022],
  'eid_accounts_activated@2023-09@vss.gov.vn': [N.vssUncertain],
  'eid_applications_received@2023-09@vss.gov.vn': [N.vssUncertain],
  'eid_applications_approved@2022-10-20@www.sggpnews.org.vn': [
    N.decree59,
    {
      vi: 'Nguồn gọi là tài khoản định danh điện tử đã được phê duyệt và giao cho người dùng.',
      en: 'The source speaks of e-ID accounts approved and delivered to their owners.',
    },
  ],
  'vneid_driving_licenses_integrated@2022-10-20@www.sggpnews.org.vn': [N.decree59],
  'vneid_hi_cards_integrated@2022-10-20@www.sggpnews.org.vn': [N.decree59],
  'essential_services_provided@2023-07-12@vietnam.vn': [N.july2023],
  'mps_online_public_services@2023-07-12@vietnam.vn': [N.july2023],
  'ndsp_online_dossiers@2023-07-12@vietnam.vn': [N.july2023],
  'ndsp_registered_accounts@2023-07-12@vietnam.vn': [N.july2023],
  'public_service_annual_saving@2023-07-12@vietnam.vn': [N.july2023],
  'hi_facilities_chip_id@2023-06@thanhnien.vn': [
    N.publishedJune2023,
    {
      vi: 'Số của ngành công an; mẫu số 13.047 là tổng số cơ sở khám chữa bệnh do nguồn nêu. Cùng tháng, Bảo hiểm xã hội Việt Nam nêu 12.455 cơ sở.',
      en: 'Police figure; the total of 13,047 is the number of medical facilities given by the source. For the same month, Viet Nam Social Security gives 12,455 facilities.',
    },
  ],
  'hi_patients_chip_id@2023-06@thanhnien.vn': [N.publishedJune2023],
  'ndsp_online_dossiers@2022-07@vietbao.vn': [N.vietbaoJuly2022],
  'ndsp_online_payment_value@2022-07@vietbao.vn': [N.vietbaoJuly2022],
  'ndsp_online_services@2022-07@vietbao.vn': [N.vietbaoJuly2022],
  'ndsp_registered_accounts@2022-07@vietbao.vn': [N.vietbaoJuly2022],
  'ndsp_online_services@2024-06@www.biometricupdate.com': [N.june2024],
  'vneid_monthly_uses@2024-06@www.biometricupdate.com': [N.june2024],
  'project06_tasks_behind_schedule@2023-11-20@worldsnewsnow.com': [N.tet2024],
  'vneid_driving_licenses_integrated@2023-12@antv.gov.vn': [N.antv],
  'vneid_hi_cards_integrated@2023-12@antv.gov.vn': [N.antv],
  'vneid_social_insurance_integrated@2023-12@antv.gov.vn': [N.antv],
  'vneid_vehicle_registrations_integrated@2023-12@antv.gov.vn': [N.antv],

  // decreases in running totals
  'cancuoc_cards_issued_since_2024_07@2024-11-06@news.laodong.vn': [
    {
      vi: 'Thấp hơn số hơn 9,58 triệu thẻ công bố cho ngày 7/10/2024. Hai nguồn khác nhau cho số không khớp và nguồn này không giải thích chênh lệch; cả hai được giữ như đã công bố.',
      en: 'Lower than the more than 9.58 million cards reported for 7 October 2024. The two sources disagree and this one does not explain the gap; both are kept as published.',
    },
  ],
  'cancuoc_cards_under6@2024-11-06@news.laodong.vn': [
    {
      vi: 'Thấp hơn số hơn 3,17 triệu thẻ công bố cho ngày 7/10/2024. Hai nguồn khác nhau cho số không khớp và nguồn này không giải thích chênh lệch; cả hai được giữ như đã công bố.',
      en: 'Lower than the more than 3.17 million cards reported for 7 October 2024. The two sources disagree and this one does not explain the gap; both are kept as published.',
    },
  ],

  // wording, scope and source caveats
  'bank_cif_biometric@2025-08-15@www.vietnam.vn': [
    {
      vi: 'Nguồn (bản tiếng Anh) gọi là "tài khoản ngân hàng". Cùng ngày 15/8/2025, các nguồn tiếng Việt nêu hơn 123,9 triệu hồ sơ khách hàng cá nhân (CIF), một chỉ số riêng; không nguồn nào nói hai con số là một.',
      en: 'The source (English edition) calls them "bank accounts". For the same date, 15 August 2025, Vietnamese sources give more than 123.9 million individual customer records (CIF), a separate indicator; no source says the two are one figure.',
    },
  ],
  'bank_cif_biometric@2025-06-02@en.bocongan.gov.vn': [
    {
      vi: 'Nguồn (bản tiếng Anh của Bộ Công an) gọi là "customer records", không nói là hồ sơ khách hàng cá nhân (CIF).',
      en: 'The source (the Ministry of Public Security’s English portal) says "customer records", not individual customer records (CIF).',
    },
  ],
  'bank_accounts_biometric_collected@2024-09-15@securitytoday.in': [
    {
      vi: 'Nguồn nói "giữa tháng 9/2024"; ngày 15/9/2024 là ngày chúng tôi chọn để đặt số liệu lên trục thời gian, không phải ngày nguồn nêu, nên được đánh dấu là ngày ước định.',
      en: 'The source says "mid-September 2024"; 15 September 2024 is the date we chose to place the figure in time, not a date the source gives, so it is marked as an inferred date.',
    },
  ],
  'eid_accounts_activated@2022-11@m.antoanthongtin.vn': [N.antoanthongtin2022],
  'eid_applications_approved@2022-11@m.antoanthongtin.vn': [N.antoanthongtin2022],
  'eid_applications_received@2022-11@m.antoanthongtin.vn': [N.antoanthongtin2022],
  'dna_martyr_relatives_samples@2024-07@seed': [
    {
      vi: 'Bản tin nói đã thu nhận ADN cho 204 thân nhân liệt sĩ tại 07 tỉnh: đây là số người, không phải số mẫu. Các nguồn sau đếm số mẫu; các con số ấy nằm ở một chỉ số riêng (mẫu ADN thân nhân liệt sĩ đã thu nhận) và không so sánh được với con số này.',
      en: 'The report says DNA was collected from 204 relatives of fallen soldiers in 7 provinces: a count of people, not of samples. Later sources count samples, so their figures are in a separate indicator (DNA samples collected from relatives of fallen soldiers) and cannot be compared with this one.',
    },
  ],
  'bank_accounts_cleaned_chip_id@2024-07-05@thethao247news.com': [
    {
      vi: 'Nguồn là một trang đăng lại bản tin về họp báo Chính phủ.',
      en: 'The source is a site republishing a report on the Government press conference.',
    },
  ],
  'cccd_cards_printed@2022-01-18@vietbao.vn': [
    {
      vi: 'Nguồn chỉ tính thẻ của các hồ sơ thu nhận trong năm 2021.',
      en: 'The source counts only cards for applications taken in during 2021.',
    },
  ],
  'criminal_record_vneid_applications@2024-11-06@news.laodong.vn': [
    {
      vi: 'Số liệu chỉ có ở tiêu đề bài; chưa đọc được phần thân bài. Số này thấp hơn số của riêng Hà Nội công bố cho ngày 2/10/2024.',
      en: 'The figure appears only in the headline; the body text was not available. It is lower than the figure for Hanoi alone reported for 2 October 2024.',
    },
    {
      vi: 'Tiêu đề tiếng Việt đọc từ đường dẫn của trang, thuộc bản tiếng Anh của báo Lao Động.',
      en: 'The Vietnamese headline was read from the address of the page, which belongs to Lao Động’s English edition.',
    },
  ],
  'criminal_record_vneid_applications_hanoi@2024-06-14@www.vietnam.vn': [
    {
      vi: 'Mẫu số là tổng số hồ sơ Sở Tư pháp Hà Nội nhận qua mọi kênh. Bản tiếng Anh gọi nhầm tên loại giấy tờ; nội dung bài là về Phiếu lý lịch tư pháp.',
      en: 'The total is all requests the Hanoi Department of Justice received through every channel. The English edition misnames the document; the article is about criminal record certificates.',
    },
  ],
  'eid_applications_received@2022-03@www.sggpnews.org.vn': [
    {
      vi: 'Nguồn (bản tiếng Anh) nói 24.211 trường hợp đã được xử lý, còn tiêu đề gọi là tài khoản đã cấp.',
      en: 'The source (English edition) speaks of 24,211 cases processed, while its headline calls them accounts issued.',
    },
  ],
  'hi_facilities_chip_id@2022-11@vss.gov.vn': [
    {
      vi: 'Cùng tháng 11/2022, báo SGGP nêu 11.726 cơ sở.',
      en: 'For the same month, November 2022, SGGP gives 11,726 facilities.',
    },
  ],
  'hi_facilities_chip_id@2022-11@www.sggpnews.org.vn': [
    {
      vi: 'Cùng tháng 11/2022, Bảo hiểm xã hội Việt Nam nêu 11.945 cơ sở.',
      en: 'For the same month, November 2022, Viet Nam Social Security gives 11,945 facilities.',
    },
  ],
  'hi_facilities_chip_id@2023-06@vss.gov.vn': [
    {
      vi: 'Cùng tháng, báo cáo ngành công an (qua báo Thanh Niên) nêu 12.275 cơ sở.',
      en: 'For the same month, a police report (via Thanh Niên) gives 12,275 facilities.',
    },
  ],
  'hi_lookups_chip_id@2025-04-15@vss.gov.vn': [
    {
      vi: 'Số này tính cả tra cứu bằng số định danh cá nhân, không chỉ bằng thẻ CCCD gắn chip.',
      en: 'This figure also counts look-ups by personal ID number, not only by chip-based ID card.',
    },
  ],
  'payment_intermediaries_chip_app@2025-08-15@english.vov.vn': [N.vovAtPresent],
  'payment_intermediaries_vneid@2025-08-15@english.vov.vn': [N.vovAtPresent],
  'popdb_verification_requests@2025-08@www.biometricupdate.com': [N.biometricUpdate2025],
  'vneid_driving_licenses_integrated@2025-08@www.biometricupdate.com': [N.biometricUpdate2025],
  'vneid_hi_cards_integrated@2025-08@www.biometricupdate.com': [N.biometricUpdate2025],
  'vneid_vehicle_registrations_integrated@2025-08@www.biometricupdate.com': [N.biometricUpdate2025],
  'eid_accounts_level2_activated@2025-09-19@news.laodong.vn': [N.level2SameSentence],
  'eid_accounts_level2_activated@2025-09-24@www.vietnam.vn': [N.level2SameSentence],
  'ndsp_online_dossiers@2025-02-13@vietnam.vn': [N.periodUnstated],
  'ndsp_online_payment_transactions@2025-02-13@vietnam.vn': [N.periodUnstated],
  'ndsp_online_payment_value@2025-02-13@vietnam.vn': [N.periodUnstated],
  'public_service_annual_saving@2024-11-06@news.laodong.vn': [
    {
      vi: 'Nguồn không nói rõ đây là mức tiết kiệm mỗi năm hay tổng cộng sau gần 3 năm triển khai.',
      en: 'The source does not say whether this is a yearly saving or the total after nearly three years.',
    },
  ],
  'vneid_social_security_payments@2025-08-31@thongtin.vietnam.vn': [
    {
      vi: 'Chỉ tính tiền quà Quốc khánh chi trả bằng chuyển khoản vào tài khoản an sinh xã hội tích hợp VNeID.',
      en: 'Counts only National Day gift money paid by transfer into VNeID-linked welfare accounts.',
    },
  ],
  'vneid_utilities@2025-02-10@nongnghiep.vn': [
    {
      vi: 'Số 35 lấy từ tiêu đề phụ của bài; ngày đăng đọc từ đường dẫn ảnh trong bài vì trang không ghi ngày.',
      en: 'The figure 35 comes from a subheading; the publication date was read from an image path, as the page shows none.',
    },
  ],
};

/** Notes added to every figure read in a translated edition other than English. */
const TRANSLATION_NOTES: Readonly<Record<string, Note>> = {
  JA: { vi: 'Số liệu đọc từ bản tiếng Nhật của bài báo.', en: 'Figure read in the Japanese edition of the article.' },
  DE: { vi: 'Số liệu đọc từ bản tiếng Đức của bài báo.', en: 'Figure read in the German edition of the article.' },
};

/** The collector's bracket says the as-of date (or its year) was inferred, approximated or is uncertain. */
const INFERRED = /as_of (inferred|suy ra|uncertain)|year (\d{4} )?inferred|date approx/i;

/** Prefix of a quote read in another language → that language. Unprefixed quotes are Vietnamese. */
const LANGUAGES: Readonly<Record<string, string>> = { EN: 'en', DE: 'de', JA: 'ja' };

// --- helpers ---------------------------------------------------------------

function fail(message: string): never {
  throw new Error(message);
}

/** Row key: working id, as-of date and URL host (or "seed" for the seed report). */
function rowKey(row: RawRow): string {
  return `${row.metric_id}@${row.as_of}@${row.source_url ? new URL(row.source_url).host : 'seed'}`;
}

function splitTitle(row: RawRow): { title: string; publisher: Publisher } {
  const match = /^(.*\S)\s+\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/u.exec(row.source_title);
  let title: string;
  let publisher: Publisher;
  if (match && PUBLISHERS[match[2]!] !== undefined) {
    title = match[1]!;
    publisher = PUBLISHERS[match[2]!]!;
  } else {
    title = row.source_title;
    const host = row.source_url ? new URL(row.source_url).host : '';
    publisher = HOST_PUBLISHERS[host] ?? fail(`no publisher for "${row.source_title}" (${host})`);
  }
  title = TITLE_FIXES[title] ?? title;
  if (!publisher.name) fail(`empty publisher for "${row.source_title}"`);
  if (/[;()]/u.test(publisher.name) || /[;()]/u.test(publisher.en ?? '')) {
    fail(`publisher "${publisher.name}" is not a name only: editions, meetings and dates go elsewhere`);
  }
  if (publisher.en === publisher.name) fail(`publisher "${publisher.name}": an English name is given only where it differs`);
  return { title, publisher };
}

/**
 * The quote as the source wrote it: no language prefix, no collector's brackets.
 * The prefix gives the language; a quote in another language than Vietnamese is
 * translated when its publisher is a translated edition (TRANSLATED_EDITIONS),
 * an original when the outlet writes in English (ORIGINAL_ENGLISH).
 */
function quoteOf(row: RawRow, key: string, publisher: Publisher): { text: string; language: string; translated: boolean } {
  const prefix = /^(EN|DE|JA):\s*/u.exec(row.quote);
  const body = prefix ? row.quote.slice(prefix[0].length) : row.quote;
  let text = body.replace(/\s*\[[^\]]*\]/gu, '').replace(/\s+/gu, ' ').trim();
  const fix = QUOTE_FIXES[key];
  if (fix !== undefined) {
    if (!body.includes(fix)) fail(`${key}: the quote fix is not part of the collected text`);
    text = fix;
  }
  if (/[[\]]/u.test(text)) fail(`${key}: a collector's bracket is left in the quote`);
  if (!prefix) return { text, language: 'vi', translated: false };
  const language = LANGUAGES[prefix[1]!]!;
  const translated = TRANSLATED_EDITIONS.has(publisher.name);
  if (!translated && !(language === 'en' && ORIGINAL_ENGLISH.has(publisher.name))) {
    fail(`${key}: a quote in "${language}" from ${publisher.name}, neither a translated edition nor an English original`);
  }
  return { text, language, translated };
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function lastDayOf(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, mon, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Compares as-of dates against the end of a month: a month-precision date counts as its last day. */
function asOfEnd(asOf: string): string {
  return asOf.length === 7 ? lastDayOf(asOf) : asOf;
}

// --- import ----------------------------------------------------------------

interface CatalogueEntry {
  id: string;
  kind: string;
}

const catalogue = JSON.parse(readFileSync(CATALOGUE, 'utf8')) as { indicators: CatalogueEntry[] };
const kinds = new Map(catalogue.indicators.map((i) => [i.id, i.kind]));

const collected = parse(readFileSync(INPUT, 'utf8'), { columns: true, skip_empty_lines: true }) as RawRow[];
const seedTitle =
  collected.find((row) => !row.source_url && row.published === '2024-08')?.source_title ?? fail('no seed row in the collection');
const seedText = readFileSync(SEED, 'utf8');
for (const figure of SEED_FIGURES) {
  if (!seedText.includes(figure.quote)) fail(`${figure.metric_id}: quote not found word for word in the seed report`);
}
const raw: RawRow[] = [...collected, ...SEED_FIGURES.map((figure) => ({ ...figure, source_title: seedTitle }))];

const used = { notes: new Set<string>(), totals: new Set<string>(), qualifiers: new Set<string>(), tables: new Set<string>() };
const seenKeys = new Map<string, string>();
const anomalies: string[] = [];
const byMonth = new Map<string, OutRow[]>();
const dropped: RawRow[] = [];
const exact = new Set<string>();
const qualifierCounts = new Map<string, number>();

for (const row of raw) {
  const key = rowKey(row);
  const id = ROW_IDS[key] ?? IDS[row.metric_id] ?? fail(`no id for metric ${row.metric_id}`);
  if (ROW_IDS[key]) used.tables.add(`ROW_IDS:${key}`);
  if (!kinds.has(id)) fail(`indicator ${id} missing from indicators.json`);
  if (seenKeys.has(key)) {
    if (seenKeys.get(key) !== row.source_url) fail(`${key}: two sources on one host; make the row key finer`);
    // Same indicator, date and source: keep the first, report the rest.
    dropped.push(row);
    continue;
  }
  seenKeys.set(key, row.source_url);

  const month = (row.published || row.as_of).slice(0, 7);
  const asOf = AS_OF_FIXES[key] ?? row.as_of;
  if (AS_OF_FIXES[key] !== undefined) {
    used.tables.add(`AS_OF_FIXES:${key}`);
    const same = raw.filter(
      (r) =>
        r !== row &&
        r.metric_id === row.metric_id &&
        r.as_of === asOf &&
        r.value === row.value &&
        (QUALIFIERS[rowKey(r)] ?? fail(`${rowKey(r)}: no qualifier`)) === QUALIFIERS[key],
    );
    if (same.length === 0) fail(`${key}: dated ${asOf}, but no other source gives ${row.value} for that date`);
  }
  if (asOfEnd(asOf) > lastDayOf(month)) anomalies.push(`${key}: as_of ${asOf} after file month ${month}`);
  if (row.published.length === 10 && asOf.length === 10 && asOf > row.published) {
    anomalies.push(`${key}: as_of ${asOf} after published ${row.published}`);
  }

  const brackets = row.quote.match(/\[[^\]]*\]/g) ?? [];
  let total = '';
  for (const b of brackets) {
    const t = /^\[total: (\d+)\]$/.exec(b);
    if (t) total = t[1]!;
  }
  if (TOTALS[key] !== undefined) {
    if (total) fail(`${key}: total given twice`);
    total = TOTALS[key];
    used.totals.add(key);
  }
  const inferred = brackets.some((b) => INFERRED.test(b)) || EXTRA_INFERRED.has(key);
  if (EXTRA_INFERRED.has(key)) used.tables.add(`EXTRA_INFERRED:${key}`);

  const { title, publisher } = splitTitle(row);
  const quote = quoteOf(row, key, publisher);
  if (QUOTE_FIXES[key] !== undefined) used.tables.add(`QUOTE_FIXES:${key}`);
  if (row.metric_id === 'bank_cif_biometric' && CIF_WORDING.test(quote.text) === (ROW_IDS[key] !== undefined)) {
    fail(`${key}: its wording ("${quote.text}") does not match its indicator ${id}`);
  }

  // The qualifier: what the quote writes on our number, as read by hand and by the validation's own reader.
  const value = Number(row.value);
  const read = findValueInQuote(quote.text, value);
  if (!read.found) fail(`${key}: ${row.value} cannot be read in the quote "${quote.text}"`);
  if (total && !findValueInQuote(quote.text, Number(total)).found) fail(`${key}: total ${total} cannot be read in the quote`);
  if (!(key in QUALIFIERS)) fail(`${key}: no qualifier confirmed in QUALIFIERS`);
  used.qualifiers.add(key);
  const qualifier = QUALIFIERS[key] || undefined;
  const detected = read.occurrences.some((n) => qualifiersAgree(n.qualifier, qualifier));
  if (!detected && QUALIFIER_OVERRIDES[key] === undefined) {
    fail(`${key}: QUALIFIERS says "${qualifier ?? 'exact'}", the quote reads ${read.occurrences.map((n) => `"${n.text}" ${n.qualifier ?? 'exact'}`).join(', ')}`);
  }
  qualifierCounts.set(qualifier ?? 'exact', (qualifierCounts.get(qualifier ?? 'exact') ?? 0) + 1);

  const notes: Note[] = [...(NOTES[key] ?? [])];
  if (NOTES[key]) used.notes.add(key);
  const lang = /^(JA|DE):/.exec(row.quote)?.[1];
  if (lang) notes.push(TRANSLATION_NOTES[lang]!);
  if (inferred && !NOTES[key]) fail(`${key}: inferred as-of date without a note`);
  if (PUBLISHER_NOTE_SAID.has(key)) {
    if (!publisher.note || !NOTES[key]) fail(`${key}: PUBLISHER_NOTE_SAID, but there is no publisher note or no own note`);
    used.tables.add(`PUBLISHER_NOTE_SAID:${key}`);
  } else if (publisher.note) {
    notes.push(publisher.note);
  }

  const period = PERIODS[key];
  if (period !== undefined) used.tables.add(`PERIODS:${key}`);
  const seriesBreak = BREAKS[key];
  if (seriesBreak !== undefined) used.tables.add(`BREAKS:${key}`);
  const sameDate = SAME_DATE[key];
  if (sameDate !== undefined) used.tables.add(`SAME_DATE:${key}`);

  const out: OutRow = {
    indicator: id,
    qualifier: qualifier ?? '',
    value: row.value,
    total,
    as_of: asOf,
    as_of_inferred: inferred ? 'yes' : '',
    period: period === undefined ? '' : period === 'unknown' ? 'unknown' : period.vi,
    period_en: period === undefined || period === 'unknown' ? '' : period.en,
    source_title: title,
    source_publisher: publisher.name,
    source_publisher_en: publisher.en ?? '',
    source_published: row.published,
    source_url: row.source_url,
    quote: quote.text,
    quote_language: quote.language,
    quote_translated: quote.translated ? 'yes' : '',
    quote_exception: '',
    same_date: sameDate ?? '',
    break: seriesBreak?.vi ?? '',
    break_en: seriesBreak?.en ?? '',
    note: notes.map((n) => n.vi).join(' '),
    note_en: notes.map((n) => n.en).join(' '),
  };
  const sig = `${month}|${id}|${asOf}|${row.source_url}`;
  if (exact.has(sig)) fail(`duplicate ${sig}`);
  exact.add(sig);
  if (!byMonth.has(month)) byMonth.set(month, []);
  byMonth.get(month)!.push(out);
}

for (const key of Object.keys(NOTES)) if (!used.notes.has(key)) fail(`note never used: ${key}`);
for (const key of Object.keys(TOTALS)) if (!used.totals.has(key)) fail(`total never used: ${key}`);
for (const key of Object.keys(QUALIFIERS)) if (!used.qualifiers.has(key)) fail(`qualifier never used: ${key}`);
const tables = { ROW_IDS, QUOTE_FIXES, AS_OF_FIXES, PERIODS, BREAKS, SAME_DATE };
for (const [name, table] of Object.entries(tables)) {
  for (const key of Object.keys(table)) if (!used.tables.has(`${name}:${key}`)) fail(`${name} entry never used: ${key}`);
}
for (const key of EXTRA_INFERRED) if (!used.tables.has(`EXTRA_INFERRED:${key}`)) fail(`EXTRA_INFERRED entry never used: ${key}`);
for (const key of PUBLISHER_NOTE_SAID) if (!used.tables.has(`PUBLISHER_NOTE_SAID:${key}`)) fail(`PUBLISHER_NOTE_SAID entry never used: ${key}`);

// Running totals must not fall without a note: compare each figure with every figure at an earlier date.
const all = [...byMonth.values()].flat();
for (const row of all) {
  const kind = kinds.get(row.indicator);
  if (kind === 'count-of-total' && !row.total) fail(`${row.indicator} ${row.as_of}: count-of-total without total`);
  if (kind !== 'cumulative') continue;
  const earlierHigher = all.filter(
    (o) => o.indicator === row.indicator && o.as_of < row.as_of && Number(o.value) > Number(row.value),
  );
  if (earlierHigher.length > 0 && !row.note) {
    fail(`${row.indicator} ${row.as_of} = ${row.value} is below an earlier figure and has no note`);
  }
}

rmSync(MONTHS_DIR, { recursive: true, force: true });
mkdirSync(MONTHS_DIR, { recursive: true });
for (const [month, rows] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
  rows.sort(
    (a, b) =>
      a.indicator.localeCompare(b.indicator) ||
      (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : 0) ||
      a.source_url.localeCompare(b.source_url),
  );
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))];
  writeFileSync(join(MONTHS_DIR, `${month}.csv`), lines.join('\n') + '\n');
}

console.log(`${raw.length} rows read (${collected.length} collected, ${SEED_FIGURES.length} from the seed), ${all.length} figures written to ${readdirSync(MONTHS_DIR).length} month files`);
console.log(`qualifiers: ${[...qualifierCounts].map(([q, n]) => `${q} ${n}`).join(', ')}`);
for (const row of dropped) console.log(`dropped duplicate: ${rowKey(row)} = ${row.value} (${row.source_url})`);
for (const line of anomalies) console.log(`anomaly: ${line}`);

// --- check the result as the build reads it ---------------------------------

const { dataset, issues } = validateDataset(readDataDirectory(DATA_DIR, ROOT));
if (issues.length > 0) fail(`the written data does not validate:\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
const figures = figuresOf(dataset.releases);
const found = new Map<string, SameDateRelation[]>();
for (const indicator of dataset.indicators) {
  for (const point of buildSeries(indicator, figures).points) {
    if (point.sameDate.length > 0) found.set(`${indicator.id}@${point.asOf}`, point.sameDate.map((s) => s.relation));
  }
}
for (const [key, relations] of found) {
  const expected = EXPECTED_SAME_DATE[key] ?? fail(`same-date case not expected: ${key} (${relations.join(', ')})`);
  if (expected.join() !== relations.join()) fail(`${key}: the build says ${relations.join(', ')}, expected ${expected.join(', ')}`);
  console.log(`same date: ${key}: ${relations.join(', ')}`);
}
for (const key of Object.keys(EXPECTED_SAME_DATE)) if (!found.has(key)) fail(`expected same-date case missing: ${key}`);
