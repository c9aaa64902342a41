import { describe, expect, it } from 'vitest';
import { findValueInQuote, numbersInQuote, qualifiersAgree, readingsOfDigits } from '../../src/lib/data/quote.ts';

/** The qualifier written on `value` in `quote`, or 'exact'; throws when the value cannot be read at all. */
function qualifierOf(quote: string, value: number): string {
  const read = findValueInQuote(quote, value);
  if (!read.found) throw new Error(`${value} not read in "${quote}"`);
  return read.occurrences[0]!.qualifier ?? 'exact';
}

describe('readingsOfDigits', () => {
  it('reads a separator as thousands grouping or as a decimal mark', () => {
    expect(readingsOfDigits('26.300.000')).toEqual([26300000]);
    expect(readingsOfDigits('33,920,141')).toEqual([33920141]);
    expect(readingsOfDigits('1.086').sort()).toEqual([1.086, 1086].sort());
    expect(readingsOfDigits('132,4')).toEqual([132.4]);
    expect(readingsOfDigits('07')).toEqual([7]);
  });

  it('does not read a date as a number', () => {
    expect(readingsOfDigits('1.7.2024')).toEqual([]);
  });
});

describe('numbers in Vietnamese quotes', () => {
  it.each([
    ['đối chiếu thông tin sinh trắc học của 26,3 triệu hồ sơ khách hàng', 26_300_000, 'exact'],
    ['tổng số hồ sơ thu nhận CCCD của công an 63 địa phương là 33.920.141 hồ sơ', 33_920_141, 'exact'],
    ['đã cập nhật, xử lý hơn 20 nghìn trường hợp xử phạt hành chính trên VNeID', 20_000, 'more-than'],
    ['giải ngân 239 nghìn tỷ đồng cho người dân vay tín chấp', 239e12, 'exact'],
    ['với tổng số tiền trên 8,2 nghìn tỷ đồng', 8.2e12, 'more-than'],
    ['cho trên 1,9 triệu người với tổng số tiền trên 8,2 nghìn tỷ đồng', 1_900_000, 'more-than'],
    ['số tiền giải ngân từ Kho bạc đạt gần 10.429 tỉ đồng', 10_429e9, 'nearly'],
    ['với khoảng 57 triệu lượt hồ sơ khách hàng theo phương thức offline', 57_000_000, 'about'],
    ['đã in và trả về cho công an địa phương gần 60 triệu thẻ CCCD', 60_000_000, 'nearly'],
    ['đạt trên 84%', 84, 'more-than'],
    ['12.275/13.047 cơ sở KCB trên cả nước', 12_275, 'exact'],
    ['12.275/13.047 cơ sở KCB trên cả nước', 13_047, 'exact'],
    ['Hơn 24.000 hồ sơ cấp phiếu lý lịch tư pháp trên VNeID', 24_000, 'more-than'],
    ['Đã triển khai thu nhận ADN cho 204 thân nhân liệt sĩ tại 07 tỉnh', 7, 'exact'],
    ['đã cung cấp thêm 3 tiện ích mới', 3, 'exact'],
  ])('%s → %d (%s)', (quote, value, qualifier) => {
    expect(qualifierOf(quote, value)).toBe(qualifier);
  });

  it('does not take a word that merely starts like a scale word for one', () => {
    // "tỉnh" (province) is not "tỉ" (billion), "ngành" (sector) is not "ngàn" (thousand).
    expect(findValueInQuote('thu nhận ADN tại 07 tỉnh', 7e9).found).toBe(false);
    expect(numbersInQuote('tại 07 tỉnh')[0]!.readings).toEqual([7]);
    expect(findValueInQuote('đã phối hợp với 33 ngành', 33_000).found).toBe(false);
    expect(numbersInQuote('đã phối hợp với 33 ngành')[0]!.readings).toEqual([33]);
  });

  it('does not read a number inside a date', () => {
    expect(findValueInQuote('vận hành thông suốt từ ngày 1/7/2024', 2).found).toBe(false);
    expect(findValueInQuote('đảm bảo triển khai hiệu quả 2 thủ tục hành chính liên thông hoạt động thông suốt từ ngày 1/7/2024', 2).found).toBe(true);
  });

  it('does not carry a qualifier across a comparison to the next number', () => {
    expect(qualifierOf('hơn 4,1 triệu hồ sơ trực tuyến thực hiện từ Cổng, tăng hơn 3 lần so với cùng kỳ năm 2021', 4_100_000)).toBe('more-than');
    expect(qualifierOf('tăng hơn 3 lần so với cùng kỳ năm 2021', 2021)).toBe('exact');
  });
});

describe('numbers in English quotes', () => {
  it.each([
    ['had collected dossiers of making chip-based ID cards of 33.9 million Vietnamese citizens', 33_900_000, 'exact'],
    ['issue over 716 thousand agency and organization identification records', 716_000, 'more-than'],
    ['more than 17 million online payment transactions worth more than VND 10 trillion', 10e12, 'more-than'],
    ['Over VND600 billion saved annually by online issuance of criminal records', 600e9, 'more-than'],
    ['a total of VND 5.687 trillion (US$218.7 million) had been distributed', 5.687e12, 'exact'],
    ['biometric data had been collected for approximately 38 million bank accounts, including nearly 4 million e-wallets', 38_000_000, 'about'],
    ['biometric data had been collected for approximately 38 million bank accounts, including nearly 4 million e-wallets', 4_000_000, 'nearly'],
    ['Biometric authentication has contributed to eliminating nearly 86 million "dead" accounts.', 86_000_000, 'nearly'],
    ['By the end of September, the Ministry of Public Security had issued about 45 million chip-based ID cards', 45_000_000, 'about'],
    ['saving the state 2,505 billion VND', 2_505e9, 'exact'],
    ['helping to save over 2,500 billion VND annually', 2_500e9, 'more-than'],
    ['simplified 437/1,086 administrative procedures', 1_086, 'exact'],
    ['More than 2.1 billion requests for information verification have been processed', 2.1e9, 'more-than'],
    ['including 98,9% of online residence declarations', 98.9, 'exact'],
    ['Of these, 76.5 per cent (33,601 accounts) have been activated', 33_601, 'exact'],
  ])('%s → %d (%s)', (quote, value, qualifier) => {
    expect(qualifierOf(quote, value)).toBe(qualifier);
  });

  it('keeps a number exact when the qualifier stands on another number of the sentence', () => {
    expect(qualifierOf('More than 1 million health insurance accounts, 200,000 driving licenses had been integrated', 200_000)).toBe('exact');
    expect(qualifierOf('More than 1 million health insurance accounts, 200,000 driving licenses had been integrated', 1_000_000)).toBe('more-than');
    expect(qualifierOf('with nearly 8 million accounts and 20.7 million applications submitted', 20_700_000)).toBe('exact');
  });

  it('does not read a rounded figure as the exact one, nor the reverse', () => {
    expect(findValueInQuote('dossiers of 33.9 million Vietnamese citizens', 33_920_141).found).toBe(false);
    expect(findValueInQuote('totaling 32,062,931 E-health records', 32_000_000).found).toBe(false);
  });

  it('does not take a qualifier from far back in the sentence', () => {
    expect(qualifierOf('more than a year after the launch of the portal, it received 30.6 million records', 30_600_000)).toBe('exact');
  });
});

describe('numbers in German quotes', () => {
  it.each([
    ['Der per Banküberweisung ausgezahlte Betrag belief sich auf rund 10 Milliarden VND.', 10e9, 'about'],
    // "5,677 Milliarden": a comma can be a decimal mark (5.677 billion) or group thousands (5,677 billion).
    ['im Wert von rund 5,677 Milliarden VND in bar an die Bevölkerung ausgezahlt', 5_677e9, 'about'],
    ['im Wert von rund 5,677 Milliarden VND in bar an die Bevölkerung ausgezahlt', 5.677e9, 'about'],
    ['hat C06 die Analyse von 11.138 DNA-Proben von Angehörigen der Märtyrer abgeschlossen', 11_138, 'exact'],
    ['landesweit 57.273 Proben von vietnamesischen Heldenmüttern gesammelt', 57_273, 'exact'],
    ['mehr als 3 Millionen Karten', 3_000_000, 'more-than'],
    ['knapp 4 Mio. Karten', 4_000_000, 'nearly'],
  ])('%s → %d (%s)', (quote, value, qualifier) => {
    expect(qualifierOf(quote, value)).toBe(qualifier);
  });
});

describe('numbers in Japanese quotes', () => {
  it.each([
    ['データベース内の1億4800万件の口座と3600万件の顧客情報をすべてクリーンアップしました。', 148_000_000, 'exact'],
    ['データベース内の1億4800万件の口座と3600万件の顧客情報をすべてクリーンアップしました。', 36_000_000, 'exact'],
    ['行政手続き(TTHC)298件のうち124件を自主的に見直し', 124, 'exact'],
    ['行政手続き(TTHC)298件のうち124件を自主的に見直し', 298, 'exact'],
    ['57の信用機関(TCTD)と39の決済仲介サービス提供機関(TGTT)', 39, 'exact'],
    ['約1億4800万件', 148_000_000, 'about'],
    ['124件以上', 124, 'at-least'],
    ['1億件超', 100_000_000, 'more-than'],
  ])('%s → %d (%s)', (quote, value, qualifier) => {
    expect(qualifierOf(quote, value)).toBe(qualifier);
  });

  it('does not split 1億4800万 into two numbers', () => {
    expect(findValueInQuote('1億4800万件の口座', 48_000_000).found).toBe(false);
    expect(findValueInQuote('1億4800万件の口座', 100_000_000).found).toBe(false);
  });
});

describe('qualifiersAgree', () => {
  it('treats "more than" and "at least" as the same lower bound, and nothing else as equal', () => {
    expect(qualifiersAgree('more-than', 'at-least')).toBe(true);
    expect(qualifiersAgree(undefined, undefined)).toBe(true);
    expect(qualifiersAgree('nearly', 'about')).toBe(false);
    expect(qualifiersAgree('more-than', undefined)).toBe(false);
  });
});
