/** How quickly a category usually needs attention: drives the default service-level targets of new requests. */
export type Urgency = 'emergency' | 'utility' | 'general' | 'complex';

/** One category of residents' requests. */
export interface TaxonomyCategory {
  /** Stable code, also the classifier's label. */
  code: string;
  zh: string;
  en: string;
  urgency: Urgency;
}

/** The request categories a new urban community starts with (staff can rename, add and retire them). */
export const defaultTaxonomy: readonly TaxonomyCategory[] = [
  { code: 'property_service', zh: '物业服务', en: 'Property management', urgency: 'general' },
  { code: 'environment_sanitation', zh: '环境卫生', en: 'Sanitation and cleanliness', urgency: 'general' },
  { code: 'public_facilities', zh: '公共设施', en: 'Public facilities (lifts, lights, roads)', urgency: 'utility' },
  { code: 'water_power_gas', zh: '水电气暖', en: 'Water, power, gas and heating', urgency: 'utility' },
  { code: 'parking_traffic', zh: '停车交通', en: 'Parking and traffic', urgency: 'general' },
  { code: 'safety_hazards', zh: '安全隐患', en: 'Safety hazards', urgency: 'emergency' },
  { code: 'neighbour_disputes', zh: '邻里纠纷', en: 'Disputes between neighbours', urgency: 'complex' },
  { code: 'noise', zh: '噪音扰民', en: 'Noise', urgency: 'general' },
  { code: 'illegal_construction', zh: '违章搭建', en: 'Unauthorised construction', urgency: 'complex' },
  { code: 'elderly_care', zh: '养老助老', en: 'Care for older people', urgency: 'general' },
  { code: 'social_security', zh: '社会保障', en: 'Social security (subsistence allowance, pensions, disability)', urgency: 'complex' },
  { code: 'health', zh: '医疗卫生', en: 'Health', urgency: 'general' },
  { code: 'education_culture', zh: '教育文体', en: 'Education, culture and sport', urgency: 'general' },
  { code: 'employment', zh: '就业创业', en: 'Jobs and starting a business', urgency: 'general' },
  { code: 'household_registration', zh: '户籍证明', en: 'Household registration and certificates', urgency: 'general' },
  { code: 'pets', zh: '宠物管理', en: 'Pets', urgency: 'general' },
  { code: 'greening', zh: '绿化养护', en: 'Green spaces', urgency: 'general' },
  { code: 'other', zh: '其他', en: 'Other', urgency: 'general' },
];
