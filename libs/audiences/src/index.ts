export * from './audiences.module';
export * from './segment-definition-source';
export * from './segment-membership.repository';
export * from './segment-preview';
export * from './segment-preview.service';
export * from './segment-rule-prepare';
export * from './segment-rule.compiler';
export * from './starter-segments';
