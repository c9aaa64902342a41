/**
 * One-off import of the collected figures in `/work/shared/data/figures.csv`
 * into the month files `data/months/YYYY-MM.csv`. Kept as a record of
 * provenance: how each raw row became a figure of the dataset. The build does
 * not run it.
 *
 *   node scripts/import-shared-figures.ts [path/to/figures.csv]
 *
 * Rules applied (values are never changed):
 * - each row goes to the month file of its publication month (`published`),
 *   or of its as-of month when the source shows no publication date;
 * - `metric_id` is renamed to the kebab-case id of `data/indicators.json`;
 * - the publisher is taken from the bracket that ends `source_title`, or from
 *   the URL host when there is none; the bracket is removed from the title;
 * - `as_of_inferred` is set when the collector's bracket says the as-of date
 *   (or its year) was inferred, approximated or is uncertain;
 * - `total` comes from an explicit "[total: N]" bracket or from the "x/y",
 *   "x out of y" wording of the quote (listed in TOTALS below);
 * - notes are written here, in both languages; quotes are never copied.
 */
import { parse } from 'csv-parse/sync';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MONTH_COLUMNS } from '../src/lib/data/month-file.ts';

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

interface OutRow {
  indicator: string;
  value: string;
  total: string;
  as_of: string;
  as_of_inferred: string;
  source_title: string;
  source_publisher: string;
  source_published: string;
  source_url: string;
  note: string;
  note_en: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUT = process.argv[2] ?? '/work/shared/data/figures.csv';
const MONTHS_DIR = join(ROOT, 'data', 'months');
const CATALOGUE = join(ROOT, 'data', 'indicators.json');

/** The month-file columns, from the data contract itself. */
const COLUMNS: ReadonlyArray<keyof OutRow> = MONTH_COLUMNS;

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

/** Bracket at the end of a source title → publisher shown on the site. */
const PUBLISHERS: Readonly<Record<string, string>> = {
  'VnEconomy; Công điện 201/CĐ-TTg': 'VnEconomy (Công điện 201/CĐ-TTg)',
  'CAND EN': 'CAND (English edition)',
  'Biometric Update, citing Vietnam+': 'Biometric Update (citing Vietnam+)',
  'Lao Động, bản tiếng Nhật; họp báo NHNN quý III/2025': 'Lao Động (Japanese edition); họp báo NHNN quý III/2025',
  'Security Today': 'Security Today',
  'VietNamNet EN': 'VietNamNet (English edition)',
  'mirror of Government press conference report': 'thethao247news.com (mirror of a Government press conference report)',
  'Lao Động EN': 'Lao Động (English edition)',
  'Lao Động, English edition': 'Lao Động (English edition)',
  'Doanh nhân ngày nay; báo cáo NHNN gửi Kỳ họp thứ 9 QH khóa XV':
    'Doanh nhân ngày nay; báo cáo NHNN gửi Kỳ họp thứ 9, Quốc hội khóa XV',
  'vietnam.vn EN; Ngày Chuyển đổi số ngành Ngân hàng 29/5/2025':
    'vietnam.vn (English edition); Ngày Chuyển đổi số ngành Ngân hàng 29/5/2025',
  'MPS EN': 'Ministry of Public Security (English portal)',
  'vietnam.vn EN': 'vietnam.vn (English edition)',
  'vietnam.vn EN, from SGGP': 'vietnam.vn (English edition, from SGGP)',
  'vietnam.vn EN, SBV Q3/2025 press conference': 'vietnam.vn (English edition); SBV Q3/2025 press conference',
  'vietnam.vn EN; hội nghị sơ kết 6 tháng chuyển đổi số quốc gia và Đề án 06, 12/7/2023':
    'vietnam.vn (English edition); hội nghị sơ kết 6 tháng chuyển đổi số quốc gia và Đề án 06, 12/7/2023',
  'vietnam.vn DE': 'vietnam.vn (German edition)',
  'NHNN – sbv.gov.vn': 'Ngân hàng Nhà nước Việt Nam (sbv.gov.vn)',
  'tin về phiên họp chiều 7/8/2024; tài liệu gốc của dự án':
    'Tổ công tác triển khai Đề án 06 (bản tin về phiên họp chiều 7/8/2024)',
  VnExpress: 'VnExpress',
  'VOV EN': 'VOV (English edition)',
  'VietnamPlus EN': 'VietnamPlus (English edition)',
  'spress EN': 'spress.net (English)',
  'OpenGov Asia': 'OpenGov Asia',
  'Biometric Update': 'Biometric Update',
  'SGGP EN': 'SGGP (English edition)',
  'SGGP English': 'SGGP (English edition)',
  'Thanh Niên': 'Thanh Niên',
  'VSS EN': 'Viet Nam Social Security (English)',
  'Can Tho city portal EN': 'Can Tho City portal (English)',
  'An toàn thông tin': 'Tạp chí An toàn thông tin',
  'Viet Nam News': 'Viet Nam News',
  'tag page, Viện Kinh tế số': 'Viện Kinh tế số (tag page)',
  ICTnews: 'ICTnews',
  Vietbao: 'Vietbao',
  'Vietbao, from Dân trí': 'Vietbao (from Dân trí)',
  'worldsnewsnow, translation of Tiền Phong': 'worldsnewsnow.com (translation of Tiền Phong)',
  'Báo Hải Dương EN; họp Tổ công tác 13/2/2025': 'Báo Hải Dương (English edition); họp Tổ công tác 13/2/2025',
  'ANTV; Hội nghị 2 năm Đề án 06': 'ANTV; Hội nghị 2 năm Đề án 06',
  'thongtin.vietnam.vn, bản tiếng Đức': 'thongtin.vietnam.vn (German edition)',
  'Nông nghiệp Việt Nam': 'Nông nghiệp Việt Nam',
};

/** Publisher by URL host, for titles that carry no bracket. */
const HOST_PUBLISHERS: Readonly<Record<string, string>> = {
  'vietnamnet.vn': 'VietNamNet',
  'dautu.kinhtechungkhoan.vn': 'Đầu tư Chứng khoán',
  'znews.vn': 'Znews',
  'www.qdnd.vn': 'Quân đội nhân dân',
  'vietbao.vn': 'Vietbao',
};

/** Titles that the collection abbreviated or that need a fuller form. */
const TITLE_FIXES: Readonly<Record<string, string>> = {
  "New Government's Working Group on Project 06 ... convenes first meeting":
    "New Government's Working Group on Project 06, administrative procedure reform and digital transformation convenes first meeting",
};

/** Row key: working id, as-of date and URL host (or "seed" for the seed report). */
function rowKey(row: RawRow): string {
  return `${row.metric_id}@${row.as_of}@${row.source_url ? new URL(row.source_url).host : 'seed'}`;
}

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
    vi: 'Ngày số liệu suy ra từ cụm "đầu năm 2025" trong nguồn. Nguồn gọi là hồ sơ khách hàng, không nói rõ là hồ sơ khách hàng cá nhân (CIF).',
    en: 'As-of date inferred from the source’s "beginning of 2025". The source speaks of customer records without saying individual (CIF) records.',
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
      vi: 'Nguồn gọi là "tài khoản ngân hàng" và làm tròn thành 124 triệu; cùng ngày, các nguồn khác ghi hơn 123,9 triệu hồ sơ khách hàng cá nhân (CIF).',
      en: 'The source calls them "bank accounts" and rounds to 124 million; for the same date, other sources give more than 123.9 million individual customer records (CIF).',
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

// --- helpers ---------------------------------------------------------------

function fail(message: string): never {
  throw new Error(message);
}

function splitTitle(row: RawRow): { title: string; publisher: string } {
  const match = /^(.*\S)\s+\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/u.exec(row.source_title);
  let title: string;
  let publisher: string;
  if (match && PUBLISHERS[match[2]!] !== undefined) {
    title = match[1]!;
    publisher = PUBLISHERS[match[2]!]!;
  } else {
    title = row.source_title;
    const host = row.source_url ? new URL(row.source_url).host : '';
    publisher = HOST_PUBLISHERS[host] ?? fail(`no publisher for "${row.source_title}" (${host})`);
  }
  title = TITLE_FIXES[title] ?? title;
  if (!publisher) fail(`empty publisher for "${row.source_title}"`);
  return { title, publisher };
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

const raw = parse(readFileSync(INPUT, 'utf8'), { columns: true, skip_empty_lines: true }) as RawRow[];

const usedNotes = new Set<string>();
const usedTotals = new Set<string>();
const seenKeys = new Map<string, string>();
const anomalies: string[] = [];
const byMonth = new Map<string, OutRow[]>();
const dropped: RawRow[] = [];
const exact = new Set<string>();

for (const row of raw) {
  const id = IDS[row.metric_id] ?? fail(`no id for metric ${row.metric_id}`);
  if (!kinds.has(id)) fail(`indicator ${id} missing from indicators.json`);
  const key = rowKey(row);
  if (seenKeys.has(key)) {
    if (seenKeys.get(key) !== row.source_url) fail(`${key}: two sources on one host; make the row key finer`);
    // Same indicator, date and source: keep the first, report the rest.
    dropped.push(row);
    continue;
  }
  seenKeys.set(key, row.source_url);

  const month = (row.published || row.as_of).slice(0, 7);
  if (asOfEnd(row.as_of) > lastDayOf(month)) anomalies.push(`${key}: as_of ${row.as_of} after file month ${month}`);
  if (row.published.length === 10 && row.as_of.length === 10 && row.as_of > row.published) {
    anomalies.push(`${key}: as_of ${row.as_of} after published ${row.published}`);
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
    usedTotals.add(key);
  }
  const inferred = brackets.some((b) => INFERRED.test(b));

  const notes: Note[] = [...(NOTES[key] ?? [])];
  if (NOTES[key]) usedNotes.add(key);
  const lang = /^(JA|DE):/.exec(row.quote)?.[1];
  if (lang) notes.push(TRANSLATION_NOTES[lang]!);
  if (inferred && !NOTES[key]) fail(`${key}: inferred as-of date without a note`);

  const { title, publisher } = splitTitle(row);
  const out: OutRow = {
    indicator: id,
    value: row.value,
    total,
    as_of: row.as_of,
    as_of_inferred: inferred ? 'yes' : '',
    source_title: title,
    source_publisher: publisher,
    source_published: row.published,
    source_url: row.source_url,
    note: notes.map((n) => n.vi).join(' '),
    note_en: notes.map((n) => n.en).join(' '),
  };
  const sig = `${month}|${id}|${row.as_of}|${row.source_url}`;
  if (exact.has(sig)) fail(`duplicate ${sig}`);
  exact.add(sig);
  if (!byMonth.has(month)) byMonth.set(month, []);
  byMonth.get(month)!.push(out);
}

for (const key of Object.keys(NOTES)) if (!usedNotes.has(key)) fail(`note never used: ${key}`);
for (const key of Object.keys(TOTALS)) if (!usedTotals.has(key)) fail(`total never used: ${key}`);

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

console.log(`${raw.length} rows read, ${all.length} figures written to ${readdirSync(MONTHS_DIR).length} month files`);
for (const row of dropped) console.log(`dropped duplicate: ${rowKey(row)} = ${row.value} (${row.source_url})`);
for (const line of anomalies) console.log(`anomaly: ${line}`);
