-- Re-check revocation reasons, seeded from the 全国乡村治理示范村镇 re-check standard
-- (legal-reference §1.C); counties may deactivate or add reasons.
INSERT INTO revocation_reasons (code, name_zh, name_en, sort_order) VALUES
  ('crime_or_discipline', '“两委”主要负责人或3名以上成员受到刑事处罚或党纪处分，或存在村霸、黄赌毒、涉黑涉恶、邪教案件', 'Village leaders punished criminally or by Party discipline, or village bullies, vice, organised-crime or cult cases', 10),
  ('unlawful_act', '违反法律法规，侵害公民、法人或其他组织合法权益，造成不良影响', 'A violation of law that infringed lawful rights and caused bad impact', 20),
  ('serious_incident', '发生危害国家安全、重大刑事案件、重大安全事故或严重公共安全事件', 'A national-security incident, serious crime, major accident or serious public-safety incident', 30),
  ('vulnerable_groups', '发生拐卖、虐待、暴力侵害妇女儿童和残疾人等事件，造成重大负面影响', 'Trafficking, abuse or violence against women, children or disabled people with major negative impact', 40),
  ('mass_petitions', '发生集体上访、越级上访或群体性事件，造成不良影响', 'Collective or level-skipping petitions or mass incidents with bad impact', 50),
  ('other', '其他不符合创建标准、造成不良影响的情形', 'Anything else inconsistent with the standard that caused bad impact', 60)
ON CONFLICT (code) DO NOTHING;
