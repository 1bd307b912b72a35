/**
 * A tile grid of China's 31 provincial-level divisions of the mainland: one square each, placed roughly where
 * the province lies. No boundaries are drawn, so no map data (and no map approval) is involved.
 */
export interface Tile {
  name: string;
  abbr: string;
  row: number;
  col: number;
}

const T = (name: string, abbr: string, row: number, col: number): Tile => ({ name, abbr, row, col });

export const PROVINCE_TILES: readonly Tile[] = [
  T('黑龙江省', '黑', 0, 6),
  T('新疆维吾尔自治区', '新', 1, 1),
  T('内蒙古自治区', '蒙', 1, 4),
  T('北京市', '京', 1, 5),
  T('吉林省', '吉', 1, 6),
  T('甘肃省', '甘', 2, 2),
  T('宁夏回族自治区', '宁', 2, 3),
  T('山西省', '晋', 2, 4),
  T('河北省', '冀', 2, 5),
  T('天津市', '津', 2, 6),
  T('辽宁省', '辽', 2, 7),
  T('西藏自治区', '藏', 3, 1),
  T('青海省', '青', 3, 2),
  T('陕西省', '陕', 3, 3),
  T('河南省', '豫', 3, 4),
  T('山东省', '鲁', 3, 5),
  T('江苏省', '苏', 3, 6),
  T('四川省', '川', 4, 2),
  T('重庆市', '渝', 4, 3),
  T('湖北省', '鄂', 4, 4),
  T('安徽省', '皖', 4, 5),
  T('上海市', '沪', 4, 6),
  T('云南省', '滇', 5, 2),
  T('贵州省', '黔', 5, 3),
  T('湖南省', '湘', 5, 4),
  T('江西省', '赣', 5, 5),
  T('浙江省', '浙', 5, 6),
  T('广西壮族自治区', '桂', 6, 3),
  T('广东省', '粤', 6, 4),
  T('福建省', '闽', 6, 5),
  T('海南省', '琼', 7, 4),
];
