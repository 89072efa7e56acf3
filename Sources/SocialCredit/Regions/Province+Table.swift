// Provincial-level divisions of mainland China (the 31 covered by the 2020 census).
// Codes: GB/T 2260, Codes for the administrative divisions of the People's Republic of China
// (the first two digits of every resident identity number, GB 11643-1999).
// Macro-regions: the National Bureau of Statistics' East / Central / West / Northeast division,
// as used in the Seventh National Population Census communiqué No. 3 (2021).
// Columns: code, English name, pinyin with tones omitted, Han name, macro-region.

extension Province {
    static let table = """
        11,Beijing,Beijing,北京,East
        12,Tianjin,Tianjin,天津,East
        13,Hebei,Hebei,河北,East
        14,Shanxi,Shanxi,山西,Central
        15,Inner Mongolia,Nei Menggu,内蒙古,West
        21,Liaoning,Liaoning,辽宁,Northeast
        22,Jilin,Jilin,吉林,Northeast
        23,Heilongjiang,Heilongjiang,黑龙江,Northeast
        31,Shanghai,Shanghai,上海,East
        32,Jiangsu,Jiangsu,江苏,East
        33,Zhejiang,Zhejiang,浙江,East
        34,Anhui,Anhui,安徽,Central
        35,Fujian,Fujian,福建,East
        36,Jiangxi,Jiangxi,江西,Central
        37,Shandong,Shandong,山东,East
        41,Henan,Henan,河南,Central
        42,Hubei,Hubei,湖北,Central
        43,Hunan,Hunan,湖南,Central
        44,Guangdong,Guangdong,广东,East
        45,Guangxi,Guangxi,广西,West
        46,Hainan,Hainan,海南,East
        50,Chongqing,Chongqing,重庆,West
        51,Sichuan,Sichuan,四川,West
        52,Guizhou,Guizhou,贵州,West
        53,Yunnan,Yunnan,云南,West
        54,Tibet,Xizang,西藏,West
        61,Shaanxi,Shaanxi,陕西,West
        62,Gansu,Gansu,甘肃,West
        63,Qinghai,Qinghai,青海,West
        64,Ningxia,Ningxia,宁夏,West
        65,Xinjiang,Xinjiang,新疆,West
        """
}
